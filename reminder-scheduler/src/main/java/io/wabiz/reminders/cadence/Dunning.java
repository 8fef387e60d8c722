package io.wabiz.reminders.cadence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The dunning rule, as plain arithmetic on calendar days: each level at most once, in order; when levels were
 * missed, only the most advanced due level is sent (never a burst); after the last level, nothing; a courtesy
 * level (before the due date) is not sent once the due date has passed.
 */
public final class Dunning {

    private Dunning() {
    }

    /**
     * @param schedule  the company's levels
     * @param dueDate   the invoice's current due date
     * @param today     the company's local day of the run
     * @param sentDays  the levels (their days) already in the reminder log for this invoice and due date, sent or
     *                  attempted: a level is never tried twice
     */
    public static Step next(DunningSchedule schedule, LocalDate dueDate, LocalDate today,
                            Collection<Integer> sentDays) {
        int highestSent = sentDays.stream().mapToInt(Integer::intValue).max().orElse(Integer.MIN_VALUE);
        if (highestSent >= schedule.last().days()) {
            return new Step.Finished();
        }
        List<DunningLevel> due = new ArrayList<>();
        DunningLevel next = null;
        for (DunningLevel level : schedule.levels()) {
            if (level.days() <= highestSent) {
                continue;
            }
            LocalDate on = dueDate.plusDays(level.days());
            if (on.isAfter(today)) {
                next = level;
                break;
            }
            if (level.courtesy() && today.isAfter(dueDate)) {
                continue; // "your invoice is due soon" makes no sense once it is overdue
            }
            due.add(level);
        }
        if (due.isEmpty()) {
            return next == null ? new Step.Finished() : new Step.Waiting(next, dueDate.plusDays(next.days()));
        }
        return new Step.Send(due.getLast(), ChronoUnit.DAYS.between(dueDate, today), due.subList(0, due.size() - 1));
    }
}
