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
                    starts.add(System.nanoTime());
                    permit.sent();
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
