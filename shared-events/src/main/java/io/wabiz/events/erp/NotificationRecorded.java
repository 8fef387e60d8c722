package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/** A notification about an ERP document reached Meta; the ERP sets its flag and date from it. */
public record NotificationRecorded(String id, Instant occurredAt, ErpDocumentType documentType, String documentId,
                                   NotificationKind kind, Instant sentAt, String wamid, String businessPhoneNumberId,
                                   String customerWaId) implements TopicRecord {

    @Override
    public String key() {
        return documentId;
    }
}
