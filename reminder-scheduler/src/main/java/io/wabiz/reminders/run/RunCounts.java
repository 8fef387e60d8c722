package io.wabiz.reminders.run;

import org.bson.Document;

/**
 * What one run did.
 *
 * @param examined    open invoices looked at
 * @param planned     reminders the plan had
 * @param published   reminders claimed and published by this run
 * @param republished commands of an earlier, interrupted run published again (same key: the sender sends once)
 * @param alreadyDone planned reminders another run had already claimed
 * @param stopped     due reminders stopped by a rule, counted by {@code reminders.skipped{reason}}
 * @param superseded  missed levels passed over by a catch-up
 * @param changed     planned reminders whose invoice changed before sending (another level, or none now)
 */
public record RunCounts(int examined, int planned, int published, int republished, int alreadyDone, int stopped,
                        int superseded, int changed) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0);

    Document toDocument() {
        return new Document("examined", examined).append("planned", planned).append("published", published)
                .append("republished", republished).append("alreadyDone", alreadyDone).append("stopped", stopped)
                .append("superseded", superseded).append("changed", changed);
    }

    static RunCounts read(Document d) {
        if (d == null) {
            return NONE;
        }
        return new RunCounts(d.getInteger("examined", 0), d.getInteger("planned", 0), d.getInteger("published", 0),
                d.getInteger("republished", 0), d.getInteger("alreadyDone", 0), d.getInteger("stopped", 0),
                d.getInteger("superseded", 0), d.getInteger("changed", 0));
    }
}
