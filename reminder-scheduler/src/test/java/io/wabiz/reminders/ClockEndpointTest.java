package io.wabiz.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.reminders.admin.ClockController;
import io.wabiz.reminders.clock.OffsetClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClockEndpointTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(OffsetClock.class, () -> new OffsetClock(Clock.systemUTC()))
            .withUserConfiguration(ClockController.class);

    @Test
    void theClockEndpointExistsOnlyWhereTheClockIsAdjustable() {
        context.run(production -> assertThat(production).doesNotHaveBean(ClockController.class));
        context.withPropertyValues("reminders.clock.adjustable=true")
                .run(local -> assertThat(local).hasSingleBean(ClockController.class));
    }

    @Test
    void theOffsetMovesTheClockAndNowSetsIt() {
        Clock base = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        OffsetClock clock = new OffsetClock(base);

        clock.setOffset(Duration.ofDays(10));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-11T10:00:00Z"));
        clock.setNow(Instant.parse("2026-04-11T08:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-04-11T08:00:00Z"));
        assertThat(clock.offset()).isNegative();
    }
}
