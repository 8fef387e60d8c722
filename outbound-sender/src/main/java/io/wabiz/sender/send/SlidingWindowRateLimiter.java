package io.wabiz.sender.send;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code limit} sends in any sliding window: a ring holds the last {@code limit} send times, and
 * the next send may only start one window after the oldest of them. Exact, unlike a fixed-cycle limiter
 * (80 per 1 s cycle lets 160 through across a cycle edge). This is the hard bound.
 *
 * <p>A send's time is when its request is actually written ({@link Permit#sent()}), not when it was
 * allowed: opening a connection can take long, and a send that waited for its connection must not end
 * up in the same second as the sends allowed one window after it. Until a send is written (or given up),
 * its slot cannot be reused. Callers queue on a fair lock, so permits go out in arrival order.
 *
 * <p>Within the window, sends are also paced (GCRA, the generic cell rate algorithm): one every
 * {@code window / limit}, each allowed up to a tolerance {@code tau} ahead of its theoretical time. Without
 * pacing a backlog goes out as one burst at the start of each window, and a hiccup at the receiver (or on the
 * network) lets some of it be counted with the next window's. The tolerance is a time, not a number of sends:
 * a send that starts late (the thread woke up late, the one before it held the lock longer) keeps its place
 * in the schedule as long as it is less than {@code tau} late, because the sends after it may then start up to
 * {@code tau} early; without it every late start is rate lost for good (at 80/s one send is 12.5 ms, about
 * what a busy machine oversleeps). It also bounds a burst after a pause: {@code tau} worth of sends, at least a
 * fiftieth of the limit.
 */
public final class SlidingWindowRateLimiter {

    /** A burst is at least limit / this many sends: 20 at 1,000/s. */
    private static final int BURST_DIVISOR = 50;
    /** What a busy machine's timers and scheduler add to a sleep, in the bench's measure (see bench/sender). */
    public static final Duration DEFAULT_PACING_TOLERANCE = Duration.ofMillis(30);

    /** Where the limiter reads the time and waits: the system's, or a test's. */
    interface Ticker {
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(Duration.ofNanos(nanos));
            }
        };

        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final Permit[] ring;
    private final long windowNanos;
    private final long spacingNanos;
    private final long toleranceNanos;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock(true);
    private int oldest;
    /** When the next send would be due if sends went out exactly one spacing apart (GCRA's TAT). */
    private long theoreticalNext;

    public SlidingWindowRateLimiter(int limit, Duration window) {
        this(limit, window, DEFAULT_PACING_TOLERANCE);
    }

    /** @param pacingTolerance how late a paced send may start without losing its place (GCRA's tau) */
    public SlidingWindowRateLimiter(int limit, Duration window, Duration pacingTolerance) {
        this(limit, window, pacingTolerance, Ticker.SYSTEM);
    }

    SlidingWindowRateLimiter(int limit, Duration window, Duration pacingTolerance, Ticker ticker) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.ring = new Permit[limit];
        this.windowNanos = window.toNanos();
        this.spacingNanos = windowNanos / limit;
        long burstNanos = (Math.max(1, limit / BURST_DIVISOR) - 1) * spacingNanos;
        this.toleranceNanos = Math.max(burstNanos, pacingTolerance.toNanos());
        this.ticker = ticker;
        this.theoreticalNext = ticker.nanoTime();
    }

    /** Waits until one more send fits the window and returns its permit; call {@link Permit#sent()} after. */
    public Permit acquire() throws InterruptedException {
        long begin = ticker.nanoTime();
        lock.lockInterruptibly();
        try {
            Permit previous = ring[oldest];
            if (previous != null) {
                previous.settled.await(); // still connecting: its send time is not known yet
                sleepUntil(previous.sentAt + windowNanos);
            }
            long due = Math.max(theoreticalNext, ticker.nanoTime());
            sleepUntil(due - toleranceNanos);
            theoreticalNext = due + spacingNanos;
            long now = ticker.nanoTime();
            Permit permit = new Permit(ticker, now, now - begin);
            ring[oldest] = permit;
            oldest = (oldest + 1) % ring.length;
            return permit;
        } finally {
            lock.unlock();
        }
    }

    private void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - ticker.nanoTime();
        if (wait > 0) {
            ticker.sleepNanos(wait);
        }
    }

    public int limit() {
        return ring.length;
    }

    /** One send's place in the window. Settling it never waits (it is called just before writing). */
    public static final class Permit {

        private final CountDownLatch settled = new CountDownLatch(1);
        private final AtomicBoolean settling = new AtomicBoolean();
        private final Ticker ticker;
        private final long waitedNanos;
        private volatile long sentAt;

        private Permit(Ticker ticker, long grantedAt, long waitedNanos) {
            this.ticker = ticker;
            this.sentAt = grantedAt;
            this.waitedNanos = waitedNanos;
        }

        public Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }

        /** The request is being written now (the first call counts). */
        public void sent() {
            settle();
        }

        /**
         * The call is over. If it never finished writing its request, part of it may still have left (a
         * connection reset mid-write): its slot counts from now, the latest it can have reached Meta.
         */
        public void done() {
            settle();
        }

        private void settle() {
            if (settling.compareAndSet(false, true)) {
                sentAt = Math.max(sentAt, ticker.nanoTime());
                settled.countDown();
            }
        }
    }
}
