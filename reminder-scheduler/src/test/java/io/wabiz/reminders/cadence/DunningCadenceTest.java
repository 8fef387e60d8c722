package io.wabiz.reminders.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole cadence, table-driven: one invoice, the default levels (-3, 3, 10, 30), a fixed clock stepped every
 * 30 minutes from the 25th of the month before the due date to two months after it, in the company's zone.
 * Each row lists the reminders expected: the level and the company's local date and time of the send.
 */
class DunningCadenceTest {

    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DunningSchedule DEFAULTS = DunningSchedule.defaults();

    record Row(String name, RunCalendar calendar, LocalDate dueDate, List<Expected> expected,
               List<Instant[]> downtime, Instant importedAt) {

        Row(String name, RunCalendar calendar, LocalDate dueDate, List<Expected> expected) {
            this(name, calendar, dueDate, expected, List.of(), Instant.MIN);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Expected(int level, String localDateTime) {
        static Expected at(int level, String localDateTime) {
            return new Expected(level, localDateTime);
        }
    }

    static Stream<Row> rows() {
        LocalDate april1 = LocalDate.of(2026, 4, 1);
        return Stream.of(
                new Row("Dakar, 08:00 every day: four reminders on their days",
                        calendar(DAKAR, "08:00"), april1, List.of(
                        Expected.at(-3, "2026-03-29T08:00"), Expected.at(3, "2026-04-04T08:00"),
                        Expected.at(10, "2026-04-11T08:00"), Expected.at(30, "2026-05-01T08:00"))),
                // 2026-03-29 is the spring-forward day in Paris (02:00 -> 03:00): 08:00 is 06:00 UTC that day,
                // 07:00 UTC the day before
                new Row("Paris across the spring DST change: still 08:00 local",
                        calendar(PARIS, "08:00"), april1, List.of(
                        Expected.at(-3, "2026-03-29T08:00"), Expected.at(3, "2026-04-04T08:00"),
                        Expected.at(10, "2026-04-11T08:00"), Expected.at(30, "2026-05-01T08:00"))),
                new Row("Paris, run time 02:30 that does not exist on the DST day: right after the gap",
                        calendar(PARIS, "02:30"), april1, List.of(
                        Expected.at(-3, "2026-03-29T03:00"), Expected.at(3, "2026-04-04T02:30"),
                        Expected.at(10, "2026-04-11T02:30"), Expected.at(30, "2026-05-01T02:30"))),
                // 2026-10-25 is the fall-back day in Paris: 02:30 happens twice, the reminder once
                new Row("Paris, run time 02:30 that happens twice on the autumn DST day: once",
                        calendar(PARIS, "02:30"), LocalDate.of(2026, 10, 22), List.of(
                        Expected.at(-3, "2026-10-19T02:30"), Expected.at(3, "2026-10-25T02:30"),
                        Expected.at(10, "2026-11-01T02:30"), Expected.at(30, "2026-11-21T02:30"))),
                // 00:30 in Paris is 22:30 UTC the day before: the day that counts is the company's
                new Row("Paris, run just after midnight: the company's calendar day, not UTC's",
                        calendar(PARIS, "00:30"), april1, List.of(
                        Expected.at(-3, "2026-03-29T00:30"), Expected.at(3, "2026-04-04T00:30"),
                        Expected.at(10, "2026-04-11T00:30"), Expected.at(30, "2026-05-01T00:30"))),
                // 2026-03-29 is a Sunday, 2026-05-01 a public holiday: each goes to the next run day
                new Row("Sundays and holidays skipped: the reminder goes out on the next run day",
                        new RunCalendar(DAKAR, LocalTime.of(8, 0), Set.of(DayOfWeek.SUNDAY),
                                Set.of(LocalDate.of(2026, 5, 1)), QuietHours.NONE), april1, List.of(
                        Expected.at(-3, "2026-03-30T08:00"), Expected.at(3, "2026-04-04T08:00"),
                        Expected.at(10, "2026-04-11T08:00"), Expected.at(30, "2026-05-02T08:00"))),
                new Row("Run time inside quiet hours: at the end of the quiet hours",
                        new RunCalendar(DAKAR, LocalTime.of(7, 0), Set.of(), Set.of(),
                                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 30))), april1, List.of(
                        Expected.at(-3, "2026-03-29T08:30"), Expected.at(3, "2026-04-04T08:30"),
                        Expected.at(10, "2026-04-11T08:30"), Expected.at(30, "2026-05-01T08:30"))),
                new Row("Down from day 2 to day 12 after the due date: level 10 once on restart day, level 3 never",
                        calendar(DAKAR, "08:00"), april1, List.of(
                        Expected.at(-3, "2026-03-29T08:00"), Expected.at(10, "2026-04-13T10:00"),
                        Expected.at(30, "2026-05-01T08:00")),
                        List.<Instant[]>of(new Instant[] {dakar("2026-04-03T00:00"), dakar("2026-04-13T10:00")}),
                        Instant.MIN),
                new Row("Down over a run time and back the same day: the day's run happens on restart",
                        calendar(DAKAR, "08:00"), april1, List.of(
                        Expected.at(-3, "2026-03-29T08:00"), Expected.at(3, "2026-04-04T15:00"),
                        Expected.at(10, "2026-04-11T08:00"), Expected.at(30, "2026-05-01T08:00")),
                        List.<Instant[]>of(new Instant[] {dakar("2026-04-04T07:00"), dakar("2026-04-04T15:00")}),
                        Instant.MIN),
                new Row("Back only inside the quiet hours: that day's run is lost, the next day catches up",
                        new RunCalendar(DAKAR, LocalTime.of(8, 0), Set.of(), Set.of(),
                                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))), april1, List.of(
                        Expected.at(-3, "2026-03-29T08:00"), Expected.at(3, "2026-04-05T08:00"),
                        Expected.at(10, "2026-04-11T08:00"), Expected.at(30, "2026-05-01T08:00")),
                        List.<Instant[]>of(new Instant[] {dakar("2026-04-04T07:00"), dakar("2026-04-04T22:00")}),
                        Instant.MIN),
                new Row("Imported the day after its due date: no courtesy reminder, then 3, 10, 30",
                        calendar(DAKAR, "08:00"), april1, List.of(
                        Expected.at(3, "2026-04-04T08:00"), Expected.at(10, "2026-04-11T08:00"),
                        Expected.at(30, "2026-05-01T08:00")), List.of(), dakar("2026-04-02T12:00")),
                new Row("Imported 45 days overdue: the last level once, nothing before it",
                        calendar(DAKAR, "08:00"), april1, List.of(
                        Expected.at(30, "2026-05-17T08:00")), List.of(), dakar("2026-05-16T12:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void remindsOnTheRightDaysOnce(Row row) {
        DunningSimulation simulation = new DunningSimulation(row.calendar(), DEFAULTS).importedAt(row.importedAt());
        row.downtime().forEach(span -> simulation.down(span[0], span[1]));
        ZoneId zone = row.calendar().zone();
        Instant from = row.dueDate().withDayOfMonth(1).minusMonths(1).withDayOfMonth(25).atStartOfDay(zone)
                .toInstant();
        Instant until = row.dueDate().plusMonths(2).atStartOfDay(zone).toInstant();

        List<DunningSimulation.Sent> sent = simulation.run(row.dueDate(), from, until);

        assertThat(sent).extracting(s -> Expected.at(s.level(), s.localTime().toString()))
                .containsExactlyElementsOf(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void nothingAfterTheLastLevel(Row row) {
        DunningSimulation simulation = new DunningSimulation(row.calendar(), DEFAULTS).importedAt(row.importedAt())
                .every(java.time.Duration.ofHours(6));
        ZoneId zone = row.calendar().zone();
        Instant from = row.dueDate().minusDays(10).atStartOfDay(zone).toInstant();
        Instant until = row.dueDate().plusYears(1).atStartOfDay(zone).toInstant();

        List<DunningSimulation.Sent> sent = simulation.run(row.dueDate(), from, until);

        assertThat(sent).extracting(DunningSimulation.Sent::level).doesNotHaveDuplicates().isSorted();
        assertThat(sent.getLast().level()).isEqualTo(30);
        assertThat(sent.getLast().localTime().toLocalDate()).isBefore(row.dueDate().plusDays(60));
    }

    @org.junit.jupiter.api.Test
    void parisSendsAreAnHourApartInUtcAcrossTheChange() {
        List<DunningSimulation.Sent> sent = new DunningSimulation(calendar(PARIS, "08:00"), DEFAULTS)
                .run(LocalDate.of(2026, 3, 31), Instant.parse("2026-03-20T00:00:00Z"),
                        Instant.parse("2026-04-05T00:00:00Z"));

        // -3 on 2026-03-28 (still CET, UTC+1), 3 on 2026-04-03 (CEST, UTC+2)
        assertThat(sent).extracting(DunningSimulation.Sent::at).containsExactly(
                Instant.parse("2026-03-28T07:00:00Z"), Instant.parse("2026-04-03T06:00:00Z"));
    }

    private static RunCalendar calendar(ZoneId zone, String runAt) {
        return new RunCalendar(zone, LocalTime.parse(runAt), Set.of(), Set.of(), QuietHours.NONE);
    }

    private static Instant dakar(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DAKAR).toInstant();
    }
}
