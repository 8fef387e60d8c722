package io.wabiz.reminders.log;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the reminder log: an invoice, a dunning level and the due date it was computed from. Its key is the
 * send command's idempotency key, so the log is the ledger that stops a second send.
 *
 * @param level          the level's days relative to the due date
 * @param recipientWaId  the customer's WhatsApp id (masked in logs, kept here for the admin)
 * @param erpNotified    whether NotificationRecorded was published for the acceptance
 */
public record ReminderEntry(String key, String invoiceId, String invoiceNumber, String partnerId, String company,
                            int level, LocalDate dueDate, LocalDate runDay, ReminderStatus status, Instant claimedAt,
                            Instant publishedAt, Instant outcomeAt, String businessPhoneNumberId,
                            String recipientWaId, String template, String language, String commandId, String wamid,
                            Rejection rejection, String supersededBy, boolean erpNotified) {

    /** Why the sender or Meta refused the reminder. */
    public record Rejection(int code, String title, String reason, String helpText, boolean retryable) {
    }
}
