package io.wabiz.sender.send;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code limit} sends in any sliding window: a ring holds the last {@code limit} send times, and
 * the next send may only start one window after the oldest of them. Exact, unlike a fixed-cycle limiter
 * (80 per 1 s cycle lets 160 through across a cycle edge).
 *
 * <p>A send's time is when its request is actually written ({@link Permit#sent()}), not when it was
 * allowed: opening a connection can take long, and a send that waited for its connection must not end
 * up in the same second as the sends allowed one window after it. Until a send is written (or given up),
 * its slot cannot be reused. Callers queue on a fair lock, so permits go out in arrival order.
 */
public final class SlidingWindowRateLimiter {

    private final Permit[] ring;
    private final long windowNanos;
    private final ReentrantLock lock = new ReentrantLock(true);
    private int oldest;

    public SlidingWindowRateLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.ring = new Permit[limit];
        this.windowNanos = window.toNanos();
    }

    /** Waits until one more send fits the window and returns its permit; call {@link Permit#sent()} after. */
    public Permit acquire() throws InterruptedException {
        long begin = System.nanoTime();
        lock.lockInterruptibly();
        try {
            Permit previous = ring[oldest];
            if (previous != null) {
                previous.settled.await(); // still connecting: its send time is not known yet
                long wait = previous.sentAt + windowNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
            long now = System.nanoTime();
            Permit permit = new Permit(now, now - begin);
            ring[oldest] = permit;
            oldest = (oldest + 1) % ring.length;
            return permit;
        } finally {
            lock.unlock();
        }
    }

    public int limit() {
        return ring.length;
    }

    /** One send's place in the window. Settling it never waits (it is called just before writing). */
    public static final class Permit {

        private final CountDownLatch settled = new CountDownLatch(1);
        private final AtomicBoolean settling = new AtomicBoolean();
        private final long waitedNanos;
        private volatile long sentAt;

        private Permit(long grantedAt, long waitedNanos) {
            this.sentAt = grantedAt;
            this.waitedNanos = waitedNanos;
        }

        public Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }

        /** The request is being written now (the first call counts). */
        public void sent() {
            if (settling.compareAndSet(false, true)) {
                sentAt = Math.max(sentAt, System.nanoTime());
                settled.countDown();
            }
        }

        /** The call is over; if it never wrote its request, its slot counts from when it was allowed. */
        public void done() {
            if (settling.compareAndSet(false, true)) {
                settled.countDown();
            }
        }
    }
}
