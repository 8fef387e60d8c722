package io.wabiz.sender.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(100, Duration.ofMillis(500));
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
}
