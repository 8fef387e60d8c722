package io.wabiz.sender.send;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code limit} sends in any sliding window (the hard bound), and within it an even pace. Two steps per
 * send, because the work between them (opening the connection, the ledger's IN_FLIGHT mark) takes a time no one
 * controls:
 *
 * <ol>
 * <li>{@link #acquire()}: the send's <em>turn</em>, in arrival order (a fair lock), paced by GCRA (the generic
 *     cell rate algorithm): one turn every {@code window / limit}, each allowed up to a tolerance {@code tau}
 *     ahead of its theoretical time. Without pacing a backlog goes out as one burst at the start of each window,
 *     and a hiccup at the receiver (or on the network) lets some of it be counted with the next window's. The
 *     tolerance is a time, not a number of sends: a turn that comes late (the thread woke up late, the one before
 *     it held the lock longer) keeps its place in the schedule as long as it is less than {@code tau} late,
 *     because the turns after it may then come up to {@code tau} early; without it every late start is rate lost
 *     for good (at 80/s one send is 12.5 ms, about what a busy machine oversleeps). It also bounds a burst after a
 *     pause: {@code tau} worth of sends, at least a fiftieth of the limit. A turn also waits until the send two
 *     windows' worth of turns before it is settled, so that turns never run far ahead of writes (each holds a
 *     connection); with writes following their turns by less than a window this never holds a turn back.</li>
 * <li>{@link Permit#sent(Runnable)}, called just before the request is written: the <em>window</em>. Turns are
 *     numbered; turn {@code j} may be written only one window after turn {@code j - limit} was (or, if that one
 *     wrote nothing, after the last write of its chain). Its time is when its request is written, not when its
 *     turn came; {@link #acquire()} returns once it is known (it usually is: that send had its turn a window
 *     earlier).</li>
 * </ol>
 *
 * <p><b>Why this is the hard bound.</b> Take any {@code limit + 1} writes: two of them have turn numbers equal
 * modulo {@code limit}, so one is reached from the other by steps of {@code limit} turns, each step at least one
 * window later than the one before (a turn that wrote nothing passes its predecessor's time on). Those two writes
 * are at least a window apart: no window holds {@code limit + 1}. This holds whatever the order in which sends
 * reach their write, and whatever each waited for before it.
 *
 * <p><b>Why the work between turn and write costs no rate.</b> The window is checked at the write, against the
 * write {@code limit} turns earlier, and the pace of turns does not wait for it. A delay {@code d} that every
 * send has between its turn and its write shifts every write by {@code d}, and the writes stay a window per
 * {@code limit} apart. (Checked at the turn, as this class did before, each slot was reused one window after
 * its previous write, which came {@code d} after its own turn: a cycle of {@code window + d}, about
 * {@code limit / (window + d)} per second - with the IN_FLIGHT mark written in between, every slow database
 * write was rate lost for good.)
 *
 * <p><b>The last step before the write</b> ({@link Permit#sent(Runnable)}'s argument: the ledger's IN_FLIGHT
 * mark) runs once the send's turn came and the write it waits for is known, and is followed only by the wait for
 * the window's time. The pace keeps that wait short: a turn comes a window's worth of turns after its
 * predecessor's, so the window holds a send back only by how much later its predecessor got to its write (a
 * slower connection or mark) plus at most {@code tau}. A crash (kill -9) therefore leaves marked only sends whose
 * turn had come, whose predecessor was written and whose connection was open - never those still queued for their
 * turn. (Waiting for the window before the last step would add that step's time to every cycle again.)
 */
public final class SlidingWindowRateLimiter {

    /** A burst is at least limit / this many sends: 20 at 1,000/s. */
    private static final int BURST_DIVISOR = 50;
    /** What a busy machine's timers and scheduler add to a sleep, in the bench's measure (see bench/sender). */
    public static final Duration DEFAULT_PACING_TOLERANCE = Duration.ofMillis(30);
    private static final Runnable NOTHING = () -> { };
    /** The time of a chain in which nothing was written yet. */
    private static final long NEVER = Long.MIN_VALUE;

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

    /** The last {@code 2 * limit} turns, by turn number modulo {@code 2 * limit}. */
    private final Permit[] turns;
    private final int limit;
    private final long windowNanos;
    private final long spacingNanos;
    private final long toleranceNanos;
    private final Ticker ticker;
    private final ReentrantLock lock = new ReentrantLock(true);
    private int next;
    /** When the next turn would be due if turns came exactly one spacing apart (GCRA's TAT). */
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
        this.limit = limit;
        this.turns = new Permit[2 * limit];
        this.windowNanos = window.toNanos();
        this.spacingNanos = windowNanos / limit;
        long burstNanos = (Math.max(1, limit / BURST_DIVISOR) - 1) * spacingNanos;
        this.toleranceNanos = Math.max(burstNanos, pacingTolerance.toNanos());
        this.ticker = ticker;
        this.theoreticalNext = ticker.nanoTime();
    }

    /**
     * Waits for the send's turn in the pace, then until the write {@code limit} turns earlier is known, and
     * returns its permit; call {@link Permit#sent(Runnable)} just before writing (it waits for the window), and
     * {@link Permit#done()} when the call is over.
     */
    public Permit acquire() throws InterruptedException {
        long begin = ticker.nanoTime();
        Permit permit;
        lock.lockInterruptibly();
        try {
            Permit twoWindowsAgo = turns[next];
            if (twoWindowsAgo != null) {
                // back-pressure: turns run at most two windows' worth ahead of writes (of open connections)
                twoWindowsAgo.settled.await();
            }
            long due = Math.max(theoreticalNext, ticker.nanoTime());
            sleepUntil(due - toleranceNanos);
            theoreticalNext = due + spacingNanos;
            long now = ticker.nanoTime();
            permit = new Permit(turns[(next + limit) % turns.length], now, now - begin);
            turns[next] = permit;
            next = (next + 1) % turns.length;
        } finally {
            lock.unlock();
        }
        permit.learnWindow();
        return permit;
    }

    /** @return how long it slept */
    private long sleepUntil(long nanoTime) throws InterruptedException {
        long now = ticker.nanoTime();
        if (nanoTime - now > 0) {
            ticker.sleepNanos(nanoTime - now);
            return ticker.nanoTime() - now;
        }
        return 0;
    }

    public int limit() {
        return limit;
    }

    /** One send's turn, then its place in the window. */
    public final class Permit {

        private final CountDownLatch settled = new CountDownLatch(1);
        private final AtomicBoolean settling = new AtomicBoolean();
        private final long waitedNanos;
        private final long turnAt;
        /** The turn {@code limit} turns earlier (its window predecessor), until its time is known. */
        private Permit previous;
        /** When the chain of the predecessor was last written: this send is written a window after it. */
        private long windowFrom = NEVER;
        private long windowWaitNanos;
        /** A permit given up before its predecessor's time was known passes that on (read once it is). */
        private volatile Permit inheritsFrom;
        private volatile long sentAt;

        private Permit(Permit previous, long turnAt, long waitedNanos) {
            this.previous = previous;
            this.turnAt = turnAt;
            this.sentAt = turnAt;
            this.waitedNanos = waitedNanos;
        }

        /** Waits until the predecessor's write is known (it usually is: it had its turn a window earlier). */
        private void learnWindow() throws InterruptedException {
            if (previous == null) {
                return;
            }
            try {
                windowFrom = previous.chainTime();
            } catch (InterruptedException stopping) {
                settle(NEVER, previous);
                throw stopping;
            }
            previous = null;
        }

        /** How long the send waited for its turn. */
        public Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }

        /**
         * How long the send waited for the window's time after its last step (zero when the pace alone kept it
         * within the window): how long it was marked IN_FLIGHT without being written.
         */
        public Duration waitedForWindow() {
            return Duration.ofNanos(windowWaitNanos);
        }

        /** From its turn to its write (the window predecessor, the connection, the last step, the window). */
        public Duration turnToWrite() {
            return Duration.ofNanos(sentAt - turnAt);
        }

        /** The time the window counts this send from ({@link Ticker#nanoTime()}): its write, once settled. */
        long sentAtNanos() {
            return sentAt;
        }

        /** {@link #sent(Runnable)} with nothing to do before the write. */
        public void sent() throws InterruptedException {
            sent(NOTHING);
        }

        /**
         * Runs {@code lastStep}, waits until the window lets this send be written, then counts it as written
         * now; the caller writes the request right after. Nothing slow comes between the window's wait and the
         * write, so the time {@code lastStep} takes shifts this write but is not added to the window's cycle. If
         * {@code lastStep} throws or the wait is interrupted, nothing may be written, and the slot is given up
         * (the predecessor's time passes on to the next turn of the chain).
         */
        public void sent(Runnable lastStep) throws InterruptedException {
            long waited;
            try {
                lastStep.run();
                waited = windowFrom == NEVER ? 0 : sleepUntil(windowFrom + windowNanos);
            } catch (InterruptedException | RuntimeException notWritten) {
                done();
                throw notWritten;
            }
            windowWaitNanos = waited;
            settle(ticker.nanoTime(), null);
        }

        /**
         * The call is over. If its request was never written (no connection, refused before the write), its slot
         * is given up: the next turn of its chain counts from the predecessor's write. A request cut off while
         * being written was already counted by {@link #sent(Runnable)}.
         */
        public void done() {
            settle(windowFrom, previous);
        }

        private void settle(long at, Permit inherit) {
            if (settling.compareAndSet(false, true)) {
                sentAt = at;
                inheritsFrom = inherit;
                settled.countDown();
            }
        }

        /** When this send's chain was last written (this send's write, or what it passed on), once known. */
        private long chainTime() throws InterruptedException {
            settled.await();
            Permit inherited = inheritsFrom;
            if (inherited == null) {
                return sentAt;
            }
            long time = Math.max(sentAt, inherited.chainTime());
            sentAt = time; // collapse the chain: later readers need not walk it again
            inheritsFrom = null;
            return time;
        }
    }
}
