package io.wabiz.scenarioengine.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private final OpeningHours hours = new OpeningHours(ZoneId.of("Africa/Dakar"), Map.of(
            DayOfWeek.FRIDAY, List.of(OpeningHours.Span.parse("08:00-12:00"), OpeningHours.Span.parse("14:00-18:00")),
            DayOfWeek.MONDAY, List.of(OpeningHours.Span.parse("08:00-18:00"))), Duration.ofMinutes(30));

    @Test
    void whileOpenTheAnswerComesWithinTheResponseTime() {
        Instant friday10 = Instant.parse("2026-11-27T10:00:00Z");
        OpeningHours.Expectation expectation = hours.expectation(friday10);
        assertThat(expectation.open()).isTrue();
        assertThat(expectation.answerBy()).isEqualTo(friday10.plus(Duration.ofMinutes(30)));
    }

    @Test
    void duringTheLunchBreakTheAnswerComesAfterItReopens() {
        OpeningHours.Expectation expectation = hours.expectation(Instant.parse("2026-11-27T12:30:00Z"));
        assertThat(expectation.open()).isFalse();
        assertThat(expectation.nextOpening().toInstant()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
    }

    @Test
    void afterFridayEveningTheNextOpeningIsMondayMorning() {
        OpeningHours.Expectation expectation = hours.expectation(Instant.parse("2026-11-27T19:00:00Z"));
        assertThat(expectation.nextOpening().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(expectation.answerBy()).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    }
}
