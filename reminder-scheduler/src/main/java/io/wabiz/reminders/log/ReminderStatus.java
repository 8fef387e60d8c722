package io.wabiz.reminders.log;

/** Where one reminder (an invoice, a level, a due date) stands in the log. */
public enum ReminderStatus {
    /** Taken by a run, its command written here but not yet acknowledged by Kafka; a later run republishes it. */
    CLAIMED,
    /** The command is on {@code whatsapp.outbound.commands}; the sender's outcome is awaited. */
    PUBLISHED,
    /** Meta accepted the message; the ERP was told (NotificationRecorded). */
    ACCEPTED,
    /** The sender or Meta refused it; the reason is kept. The level is not tried again. */
    REJECTED,
    /** A level missed (downtime, a late import) that a more advanced level replaced: never sent. */
    SUPERSEDED
}
