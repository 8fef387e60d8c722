package io.wabiz.reminders.cadence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A company's dunning levels, in the order they are sent (by their days relative to the due date). */
public record DunningSchedule(List<DunningLevel> levels) {

    public DunningSchedule {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("a dunning schedule needs at least one level");
        }
        levels = levels.stream().sorted(Comparator.comparingInt(DunningLevel::days)).toList();
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).days() == levels.get(i - 1).days()) {
                throw new IllegalArgumentException("two dunning levels at " + levels.get(i).days() + " days");
            }
        }
    }

    /** The platform's defaults: a courtesy reminder 3 days before the due date, then 3, 10 and 30 days after it. */
    public static DunningSchedule defaults() {
        return new DunningSchedule(List.of(
                new DunningLevel(-3, "invoice_reminder_upcoming", Attachment.PAYMENT_LINK),
                new DunningLevel(3, "invoice_reminder_overdue", Attachment.PAYMENT_LINK),
                new DunningLevel(10, "invoice_reminder_overdue", Attachment.PAYMENT_LINK),
                new DunningLevel(30, "invoice_reminder_final", Attachment.PAYMENT_LINK)));
    }

    public Optional<DunningLevel> level(int days) {
        return levels.stream().filter(l -> l.days() == days).findFirst();
    }

    public DunningLevel first() {
        return levels.getFirst();
    }

    public DunningLevel last() {
        return levels.getLast();
    }
}
