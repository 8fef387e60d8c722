package io.wabiz.simulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(nanos::get);

    @Test
    void grantsTheLimitWithinOneSecondThenRefuses() {
        for (int i = 0; i < 80; i++) {
            assertThat(limiter.tryAcquire("phone", 80)).isTrue();
        }
        assertThat(limiter.tryAcquire("phone", 80)).isFalse();
        assertThat(limiter.tryAcquire("other phone", 80)).as("each number has its own rate").isTrue();
    }

    @Test
    void allowsNoBurstAcrossASecondBoundary() {
        nanos.addAndGet(900_000_000L);
        for (int i = 0; i < 80; i++) {
            assertThat(limiter.tryAcquire("phone", 80)).isTrue();
        }
        nanos.addAndGet(200_000_000L);
        assertThat(limiter.tryAcquire("phone", 80))
                .as("the 80 grants of 200 ms ago are still within the sliding second").isFalse();

        nanos.addAndGet(800_000_000L);
        assertThat(limiter.tryAcquire("phone", 80)).isTrue();
    }
}
