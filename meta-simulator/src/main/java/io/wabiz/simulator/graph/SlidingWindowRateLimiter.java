package io.wabiz.simulator.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} permits per key in any one second (a true sliding window, no burst at a
 * cycle's edge), as Meta holds a business number to its messages-per-second.
 */
public final class SlidingWindowRateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final LongSupplier nanoClock;
    private final Map<String, Deque<Long>> granted = new HashMap<>();

    public SlidingWindowRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public synchronized boolean tryAcquire(String key, int limit) {
        long now = nanoClock.getAsLong();
        Deque<Long> times = granted.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    public synchronized void reset() {
        granted.clear();
    }
}
