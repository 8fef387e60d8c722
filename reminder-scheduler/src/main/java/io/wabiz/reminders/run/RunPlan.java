package io.wabiz.reminders.run;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A company's reminders for a day, as planned: who gets which level, whose due level a rule stops and why, and
 * how many open invoices have nothing due. The same plan is the admin's dry run.
 *
 * @param examined open invoices looked at (those whose first level could be due by {@code day})
 * @param waiting  of those, how many have no level due that day
 * @param finished of those, how many had their last level already
 */
public record RunPlan(String company, LocalDate day, List<PlannedReminder> reminders, List<PlannedStop> stops,
                      int examined, int waiting, int finished, Duration took) {

    /**
     * @param level       the level's days relative to the due date
     * @param superseded  missed levels this one replaces (catch-up)
     */
    public record PlannedReminder(String invoiceId, String number, String partnerId, int level, long daysOverdue,
                                  List<Integer> superseded, String template, String language) {
    }

    /** @param level null when no level was due (the invoice closed since it was planned) */
    public record PlannedStop(String invoiceId, String number, String partnerId, LocalDate dueDate, Integer level,
                              StopReason reason) {
    }
}
