package io.wabiz.sender.send;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} starts in any sliding window: a ring holds the last {@code limit} start times,
 * and the next start may only happen one window after the oldest of them. Exact, unlike a fixed-cycle
 * limiter (80 per 1 s cycle lets 160 through across a cycle edge). Callers queue on a fair lock, so
 * permits go out in arrival order; the start time is stamped after the wait, when the call really begins.
 */
public final class SlidingWindowRateLimiter {

    private final long[] starts;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private int oldest;

    public SlidingWindowRateLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    SlidingWindowRateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.starts = new long[limit];
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        Arrays.fill(starts, nanoClock.getAsLong() - windowNanos - 1);
    }

    /** Waits until one more start fits the window, records it, and returns how long it waited. */
    public Duration acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long begin = nanoClock.getAsLong();
            long now = begin;
            long allowedAt = starts[oldest] + windowNanos;
            while (now < allowedAt) {
                Thread.sleep(Duration.ofNanos(allowedAt - now));
                now = nanoClock.getAsLong();
            }
            starts[oldest] = now;
            oldest = (oldest + 1) % starts.length;
            return Duration.ofNanos(now - begin);
        } finally {
            lock.unlock();
        }
    }

    public int limit() {
        return starts.length;
    }
}
