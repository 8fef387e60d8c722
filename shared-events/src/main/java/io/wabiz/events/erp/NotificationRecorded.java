package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * A notification about an ERP document reached Meta; the ERP sets its flag and date from it.
 *
 * @param reminderLevel for {@code UNPAID_REMINDER}: the dunning level sent, as its days relative to the due date
 *                      (-3 before it, 3, 10, 30 after it); null for the other kinds
 */
public record NotificationRecorded(String id, Instant occurredAt, ErpDocumentType documentType, String documentId,
                                   NotificationKind kind, Instant sentAt, String wamid, String businessPhoneNumberId,
                                   String customerWaId, Integer reminderLevel) implements TopicRecord {

    /** The form before the reminder level was added. */
    public NotificationRecorded(String id, Instant occurredAt, ErpDocumentType documentType, String documentId,
                                NotificationKind kind, Instant sentAt, String wamid, String businessPhoneNumberId,
                                String customerWaId) {
        this(id, occurredAt, documentType, documentId, kind, sentAt, wamid, businessPhoneNumberId, customerWaId, null);
    }

    @Override
    public String key() {
        return documentId;
    }
}
