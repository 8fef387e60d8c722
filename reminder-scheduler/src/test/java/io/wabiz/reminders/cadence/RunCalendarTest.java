package io.wabiz.reminders.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RunCalendar paris = new RunCalendar(PARIS, LocalTime.of(8, 0), Set.of(DayOfWeek.SUNDAY),
            Set.of(LocalDate.of(2026, 4, 6)), new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)));

    @ParameterizedTest(name = "{0} local, last completed {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "2026-04-01T07:59,-,-",               // before the run time
            "2026-04-01T08:00,-,2026-04-01",
            "2026-04-01T20:59,-,2026-04-01",      // missed at 08:00 (down): still that day
            "2026-04-01T21:00,-,-",               // quiet hours
            "2026-04-01T12:00,2026-04-01,-",      // already done today
            "2026-04-01T12:00,2026-03-31,2026-04-01",
            "2026-04-05T12:00,-,-",               // a Sunday
            "2026-04-06T12:00,-,-",               // a holiday
            "2026-04-02T00:30,2026-04-01,-"})     // quiet, and before the run time
    void runIsDueOnceADayAtOrAfterItsTime(String localNow, String lastCompleted, String expectedDay) {
        Instant now = LocalDateTime.parse(localNow).atZone(PARIS).toInstant();

        assertThat(paris.runDue(now, lastCompleted == null ? null : LocalDate.parse(lastCompleted)))
                .isEqualTo(java.util.Optional.ofNullable(expectedDay).map(LocalDate::parse));
    }

    @Test
    void nextRunSkipsSundayAndTheHoliday() {
        Instant saturdayEvening = LocalDateTime.parse("2026-04-04T12:00").atZone(PARIS).toInstant();

        assertThat(paris.nextRun(saturdayEvening, LocalDate.of(2026, 4, 4))).contains(
                LocalDateTime.parse("2026-04-07T08:00").atZone(PARIS).toInstant());
    }

    @Test
    void nextRunAfterAQuietRunTimeIsTheEndOfTheQuietHours() {
        RunCalendar early = new RunCalendar(PARIS, LocalTime.of(6, 0), Set.of(), Set.of(),
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)));

        assertThat(early.nextRun(LocalDateTime.parse("2026-04-01T05:00").atZone(PARIS).toInstant(), null))
                .contains(LocalDateTime.parse("2026-04-01T07:00").atZone(PARIS).toInstant());
    }

    @Test
    void runTimeInTheSpringGapStartsAtTheEndOfTheGap() {
        RunCalendar night = new RunCalendar(PARIS, LocalTime.of(2, 30), Set.of(), Set.of(), QuietHours.NONE);

        assertThat(night.startOf(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.runDue(Instant.parse("2026-03-29T00:59:59Z"), LocalDate.of(2026, 3, 28))).isEmpty();
        assertThat(night.runDue(Instant.parse("2026-03-29T01:00:00Z"), LocalDate.of(2026, 3, 28))).isPresent();
    }

    @Test
    void quietHoursAcrossMidnight() {
        QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0));

        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(20, 59))).isFalse();
        assertThat(QuietHours.NONE.contains(LocalTime.NOON)).isFalse();
        assertThat(new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0)).contains(LocalTime.of(13, 0))).isTrue();
    }

    @Test
    void refusesACalendarThatNeverRuns() {
        assertThatThrownBy(() -> new RunCalendar(PARIS, LocalTime.NOON, EnumSet.allOf(DayOfWeek.class), Set.of(),
                QuietHours.NONE)).hasMessageContaining("never run");
    }
}
