package io.wabiz.reminders.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DunningTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    private static final DunningSchedule DEFAULTS = DunningSchedule.defaults();

    /** day = days after the due date; sent = levels already in the log; expected = send:L / wait:L / finished. */
    @ParameterizedTest(name = "day {0}, sent [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            "-10;;wait:-3",
            "-4;;wait:-3",
            "-3;;send:-3",
            "-1;;send:-3",
            "0;;send:-3",
            "0;-3;wait:3",
            "1;;wait:3",            // the courtesy level is not caught up once the invoice is overdue
            "2;-3;wait:3",
            "3;-3;send:3",
            "9;-3,3;wait:10",
            "12;-3;send:10",        // level 3 missed: only 10, the most advanced due level
            "12;-3,10;wait:30",
            "29;-3,3,10;wait:30",
            "45;;send:30",
            "45;-3;send:30",
            "45;-3,3,10;send:30",
            "45;-3,3,10,30;finished",
            "400;30;finished",
            "31;10,30;finished"})
    void takesTheMostAdvancedDueLevelOnly(int day, String sent, String expected) {
        Step step = Dunning.next(DEFAULTS, DUE, DUE.plusDays(day), levels(sent));

        String actual = switch (step) {
            case Step.Send send -> "send:" + send.level().days();
            case Step.Waiting waiting -> "wait:" + waiting.next().days();
            case Step.Finished finished -> "finished";
        };
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void catchingUpNamesTheSupersededLevels() {
        Step.Send send = (Step.Send) Dunning.next(DEFAULTS, DUE, DUE.plusDays(40), Set.of(-3));

        assertThat(send.level().days()).isEqualTo(30);
        assertThat(send.daysOverdue()).isEqualTo(40);
        assertThat(send.superseded()).extracting(DunningLevel::days).containsExactly(3, 10);
    }

    @Test
    void courtesyReminderCountsDaysBeforeTheDueDateAsNegative() {
        Step.Send send = (Step.Send) Dunning.next(DEFAULTS, DUE, DUE.minusDays(2), Set.of());

        assertThat(send.daysOverdue()).isEqualTo(-2);
        assertThat(send.level().courtesy()).isTrue();
    }

    @Test
    void waitingSaysWhenTheNextLevelIsDue() {
        Step.Waiting waiting = (Step.Waiting) Dunning.next(DEFAULTS, DUE, DUE.plusDays(4), Set.of(-3, 3));

        assertThat(waiting.on()).isEqualTo(LocalDate.of(2026, 4, 11));
    }

    @Test
    void aScheduleOfOnlyACourtesyLevelFinishesOnceTheInvoiceIsOverdue() {
        DunningSchedule courtesyOnly = new DunningSchedule(List.of(new DunningLevel(-2, "t", Attachment.NONE)));

        assertThat(Dunning.next(courtesyOnly, DUE, DUE.plusDays(1), Set.of())).isInstanceOf(Step.Finished.class);
    }

    @Test
    void levelsAreSortedAndUnique() {
        DunningSchedule schedule = new DunningSchedule(List.of(new DunningLevel(10, "b", Attachment.NONE),
                new DunningLevel(-1, "a", Attachment.NONE)));

        assertThat(schedule.levels()).extracting(DunningLevel::days).containsExactly(-1, 10);
        assertThatThrownBy(() -> new DunningSchedule(List.of(new DunningLevel(3, "a", Attachment.NONE),
                new DunningLevel(3, "b", Attachment.NONE)))).hasMessageContaining("two dunning levels at 3");
        assertThatThrownBy(() -> new DunningSchedule(List.of()))
                .hasMessageContaining("at least one level");
    }

    @Test
    void templatePerLanguageFallsBackToTheLevelsTemplate() {
        DunningLevel level = new DunningLevel(3, "invoice_reminder_overdue",
                java.util.Map.of("wo", "invoice_reminder_overdue_wo"), Attachment.PAYMENT_LINK);

        assertThat(level.templateFor("wo")).isEqualTo("invoice_reminder_overdue_wo");
        assertThat(level.templateFor("fr")).isEqualTo("invoice_reminder_overdue");
        assertThat(level.code()).isEqualTo("L3");
    }

    private static Set<Integer> levels(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf).collect(Collectors.toSet());
    }
}
