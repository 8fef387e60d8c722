package io.wabiz.reminders.cadence;

import java.time.LocalDate;
import java.util.List;

/** What an open invoice's dunning asks for on a given day. */
public sealed interface Step {

    /**
     * Send {@code level} today.
     *
     * @param daysOverdue days since the due date (negative before it)
     * @param superseded  due levels that were missed (downtime, a late import) and are never sent: catching up
     *                    sends only the most advanced due level
     */
    record Send(DunningLevel level, long daysOverdue, List<DunningLevel> superseded) implements Step {
        public Send {
            superseded = List.copyOf(superseded);
        }
    }

    /** Nothing is due today; {@code next} is due on {@code on}. */
    record Waiting(DunningLevel next, LocalDate on) implements Step {
    }

    /** No level will ever be due again for this due date: the last level was sent (or only expired ones remain). */
    record Finished() implements Step {
    }
}
