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
 *
 * <p>Within the window, sends are also paced: one every {@code window / limit}, with bursts of at most a
 * fiftieth of the limit (a virtual-scheduling cell-rate check). Without it a backlog goes out as one burst
 * at the start of each window; the receiver then gets {@code limit} requests in a fraction of a second, and
 * a hiccup on its side (or on the network) lets some of them be counted together with the next window's.
 * With small bursts the window itself is rarely what holds a send back; it stays as the hard bound.
 */
public final class SlidingWindowRateLimiter {

    /** A burst is at most limit / this many sends: 20 at 1,000/s, 1 (no burst) at 80/s. */
    private static final int BURST_DIVISOR = 50;

    private final Permit[] ring;
    private final long windowNanos;
    private final long spacingNanos;
    private final long burstToleranceNanos;
    private final ReentrantLock lock = new ReentrantLock(true);
    private int oldest;
    /** When the next send would be due if sends went out exactly one spacing apart. */
    private long theoreticalNext = System.nanoTime();

    public SlidingWindowRateLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.ring = new Permit[limit];
        this.windowNanos = window.toNanos();
        this.spacingNanos = windowNanos / limit;
        int burst = Math.max(1, limit / BURST_DIVISOR);
        this.burstToleranceNanos = (burst - 1) * spacingNanos;
    }

    /** Waits until one more send fits the window and returns its permit; call {@link Permit#sent()} after. */
    public Permit acquire() throws InterruptedException {
        long begin = System.nanoTime();
        lock.lockInterruptibly();
        try {
            Permit previous = ring[oldest];
            if (previous != null) {
                previous.settled.await(); // still connecting: its send time is not known yet
                sleepUntil(previous.sentAt + windowNanos);
            }
            long due = Math.max(theoreticalNext, System.nanoTime());
            sleepUntil(due - burstToleranceNanos);
            theoreticalNext = due + spacingNanos;
            long now = System.nanoTime();
            Permit permit = new Permit(now, now - begin);
            ring[oldest] = permit;
            oldest = (oldest + 1) % ring.length;
            return permit;
        } finally {
            lock.unlock();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
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

        /**
         * The call is over. If it never finished writing its request, part of it may still have left (a
         * connection reset mid-write): its slot counts from now, the latest it can have reached Meta.
         */
        public void done() {
            if (settling.compareAndSet(false, true)) {
                sentAt = Math.max(sentAt, System.nanoTime());
                settled.countDown();
            }
        }
    }
}
