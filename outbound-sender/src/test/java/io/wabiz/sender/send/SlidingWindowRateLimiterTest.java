package io.wabiz.sender.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.sender.SenderProperties;
import io.wabiz.testsupport.SlidingWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

class SlidingWindowRateLimiterTest {

    @Test
    void neverStartsMoreThanTheLimitInAnySlidingWindowWhateverTheBurst() throws Exception {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(5, Duration.ofMillis(200));
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 23; i++) {
                burst.submit(() -> {
                    var permit = limiter.acquire();
                    permit.sent();
                    starts.add(permit.sentAtNanos()); // the write follows at once
                    return null;
                });
            }
            burst.shutdown();
            assertThat(burst.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 5; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 5)).as("start %d and start %d", i - 5, i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        }
        assertThat(sorted.getLast() - sorted.getFirst()).as("23 starts at 5 per 200 ms take 4 windows")
                .isGreaterThanOrEqualTo(Duration.ofMillis(800).toNanos());
    }

    @Test
    void aSlotCountsFromWhenItsRequestWasWrittenNotWhenItWasAllowed() throws Exception {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(1, Duration.ofMillis(200));
        var slowToConnect = limiter.acquire();
        var next = Thread.ofVirtual().start(() -> {
            try {
                limiter.acquire().sent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(next.isAlive()).as("waits while the first request is still connecting").isTrue();
        long writtenAt = System.nanoTime();
        slowToConnect.sent();
        next.join(Duration.ofSeconds(5));
        assertThat(System.nanoTime() - writtenAt).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }

    @Test
    void letsABurstOfAFiftiethOfTheLimitThroughWithoutWaiting() throws Exception {
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(150, Duration.ofSeconds(10));

        for (int i = 0; i < 3; i++) {
            var permit = limiter.acquire();
            assertThat(permit.waited()).isLessThan(Duration.ofMillis(50));
            permit.sent();
        }
        var fourth = limiter.acquire();
        assertThat(fourth.waited()).as("paced: one send per 10 s / 150 after the burst")
                .isGreaterThan(Duration.ofMillis(30));
    }

    @Test
    void pacesABacklogEvenlyInsteadOfSendingTheWholeWindowAtOnce() throws Exception {
        // pacing alone: no tolerance in time beyond the burst of a fiftieth of the limit
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(100, Duration.ofMillis(500), Duration.ZERO);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            limiter.acquire().sent();
            starts.add(System.nanoTime());
        }
        long firstTenth = starts.stream().filter(t -> t - starts.getFirst() < Duration.ofMillis(50).toNanos()).count();
        assertThat(firstTenth).as("sends in the first tenth of the window: a burst of 2, then one per 5 ms")
                .isBetween(2L, 13L);
        assertThat(starts.getLast() - starts.getFirst()).as("100 sends spread over most of the window")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
    }

    @Test
    void aSlowStepBetweenTurnAndWriteCostsNoRateAndTheWindowStaysTheBound() throws Exception {
        // 50 per 500 ms; between its turn and its write each send takes 50-70 ms (its connection, the IN_FLIGHT
        // mark), so writes come out of turn order. Checked at the turn, the window made every slot's cycle
        // 500 ms + that delay: at most 50 / 0.55 s = 90.9/s. Checked at the write, the pace is kept: 100/s.
        long seed = Long.getLong("test.seed", System.nanoTime());
        System.out.println("aSlowStepBetweenTurnAndWriteCostsNoRate: seed " + seed);
        Random delays = new Random(seed);
        Duration window = Duration.ofMillis(500);
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(50, window, Duration.ofMillis(30));
        List<Long> writes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 250; i++) {
                long delay = Duration.ofMillis(50 + delays.nextInt(21)).toNanos();
                sends.submit(() -> {
                    var permit = limiter.acquire();
                    permit.sent(() -> java.util.concurrent.locks.LockSupport.parkNanos(delay));
                    writes.add(permit.sentAtNanos());
                    return null;
                });
            }
            sends.shutdown();
            assertThat(sends.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<Long> sorted = writes.stream().sorted().toList();
        assertAtMostTheLimitInAnyWindow(sorted, 50, window);
        assertThat(ratePerSecond(sorted)).as("100/s configured, 90.9/s if the delay were paid per cycle (seed %d)",
                seed).isGreaterThan(95.0);
    }

    @Test
    void theLastStepRunsOnceThePredecessorWasWrittenAndOnlyTheWindowsTimeFollowsIt() throws Exception {
        OversleepingTicker ticker = new OversleepingTicker(1, 0);
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(1, Duration.ofSeconds(1),
                Duration.ofMillis(30), ticker);
        var first = limiter.acquire();
        ticker.advance(Duration.ofMillis(500)); // its connection took half a second
        first.sent();
        var second = limiter.acquire(); // its turn: one spacing after the first's, less the tolerance
        assertThat(ticker.nanoTime() - first.sentAtNanos()).isEqualTo(Duration.ofMillis(470).toNanos());

        long[] lastStepAt = new long[2];
        second.sent(() -> { // the IN_FLIGHT mark, 20 ms of database write
            lastStepAt[0] = ticker.nanoTime();
            ticker.advance(Duration.ofMillis(20));
            lastStepAt[1] = ticker.nanoTime();
        });
        assertThat(lastStepAt[0] - first.sentAtNanos()).as("after the predecessor was written").isPositive();
        assertThat(second.sentAtNanos() - first.sentAtNanos()).as("a window after the first's write")
                .isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(second.sentAtNanos() - lastStepAt[1]).as("then only the window's time: what the first was late")
                .isEqualTo(Duration.ofMillis(510).toNanos());
    }

    @Test
    void aSendThatWroteNothingGivesItsSlotBackAndNeverHoldsTheNextOneUp() throws Exception {
        OversleepingTicker ticker = new OversleepingTicker(1, 0);
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(2, Duration.ofSeconds(1),
                Duration.ofMillis(0), ticker);
        var first = limiter.acquire();
        var refused = limiter.acquire();
        first.sent();
        refused.done(); // its connection was refused: nothing written
        var third = limiter.acquire(); // the first's successor
        third.sent();
        var fourth = limiter.acquire(); // the refused one's successor: nothing was written in its chain
        fourth.sent();
        assertThat(fourth.sentAtNanos() - first.sentAtNanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(fourth.waitedForWindow()).as("no wait for a write that never happened").isZero();
        assertThat(third.sentAtNanos() - first.sentAtNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    /** The limiter's time, where every sleep ends late by a random 0-25 ms, as on a busy machine. */
    private static final class OversleepingTicker implements SlidingWindowRateLimiter.Ticker {
        private final Random random;
        private final int maxOversleepMillis;
        private long now = Duration.ofHours(1).toNanos();

        OversleepingTicker(long seed, int maxOversleepMillis) {
            this.random = new Random(seed);
            this.maxOversleepMillis = maxOversleepMillis;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos + Duration.ofMillis(random.nextInt(maxOversleepMillis + 1)).toNanos();
        }

        /** Time spent outside the limiter (a connection, a database write). */
        void advance(Duration duration) {
            now += duration.toNanos();
        }
    }

    /** A backlog of sends, one after the other, each written as soon as it is allowed: their write times. */
    private static List<Long> sendBacklog(SlidingWindowRateLimiter limiter, OversleepingTicker ticker, int sends)
            throws InterruptedException {
        List<Long> writes = new ArrayList<>();
        for (int i = 0; i < sends; i++) {
            limiter.acquire().sent();
            writes.add(ticker.nanoTime());
        }
        return writes;
    }

    private static double ratePerSecond(List<Long> writes) {
        return (writes.size() - 1) / ((writes.getLast() - writes.getFirst()) / 1e9);
    }

    @Test
    void lateStartsWithinTheToleranceInTimeCostNoRateAndTheWindowStaysTheBound() throws Exception {
        long seed = Long.getLong("test.seed", System.nanoTime());
        System.out.println("lateStartsWithinTheToleranceInTimeCostNoRate: seed " + seed);
        Duration window = Duration.ofMillis(1_050);
        OversleepingTicker ticker = new OversleepingTicker(seed, 25);
        List<Long> writes = sendBacklog(new SlidingWindowRateLimiter(80, window, Duration.ofMillis(30), ticker),
                ticker, 800);

        assertThat(ratePerSecond(writes)).as("80 per 1.05 s is 76.2/s; oversleeps of up to 25 ms absorbed (seed %d)",
                seed).isGreaterThan(74.8);
        assertAtMostTheLimitInAnyWindow(writes, 80, window);

        OversleepingTicker noTolerance = new OversleepingTicker(seed, 25);
        double withoutTolerance = ratePerSecond(sendBacklog(new SlidingWindowRateLimiter(80, window, Duration.ZERO,
                noTolerance), noTolerance, 800));
        assertThat(withoutTolerance).as("without it, each late start is lost for good (seed %d)", seed)
                .isLessThan(70.0);
    }

    @Test
    void atTheDefaultSafetyMarginLimitPlusOneSendsNeverFitInOneWindowAndALimiterAllowingThemIsCaught()
            throws Exception {
        Duration window = Duration.ofSeconds(1).plus(
                DurationStyle.detectAndParse(SenderProperties.Rate.DEFAULT_SAFETY_MARGIN));
        for (int limit : List.of(80, 1000)) {
            OversleepingTicker ticker = new OversleepingTicker(limit, 0);
            List<Long> writes = sendBacklog(new SlidingWindowRateLimiter(limit, window,
                    SlidingWindowRateLimiter.DEFAULT_PACING_TOLERANCE, ticker), ticker, 3 * limit + 7);
            assertAtMostTheLimitInAnyWindow(writes, limit, window);
            assertThat(SlidingWindows.maxInAnySecond(writes.stream().map(n -> n / 1_000_000).toList()))
                    .isLessThanOrEqualTo(limit);

            OversleepingTicker tooMany = new OversleepingTicker(limit, 0);
            List<Long> onePerWindowTooMany = sendBacklog(new SlidingWindowRateLimiter(limit + 1, window,
                    SlidingWindowRateLimiter.DEFAULT_PACING_TOLERANCE, tooMany), tooMany, 3 * limit + 7);
            assertThatThrownBy(() -> assertAtMostTheLimitInAnyWindow(onePerWindowTooMany, limit, window))
                    .as("the check sees limit + 1 in a window").isInstanceOf(AssertionError.class);
        }
    }

    /** No {@code limit + 1} writes within one window: the (i + limit)th comes a whole window after the ith. */
    private static void assertAtMostTheLimitInAnyWindow(List<Long> writes, int limit, Duration window) {
        for (int i = limit; i < writes.size(); i++) {
            assertThat(writes.get(i) - writes.get(i - limit)).as("write %d and write %d", i - limit, i)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }
}
