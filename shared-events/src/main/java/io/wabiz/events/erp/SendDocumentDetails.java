package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * Ask the billing notifier to send a document's details (order lines, invoice with payment links)
 * to the customer who asked for them.
 *
 * @param requestedByWamid the customer's message that asked, to quote in the answer
 */
public record SendDocumentDetails(String id, Instant occurredAt, ErpDocumentType documentType, String documentId,
                                  NotificationKind kind, String businessPhoneNumberId, String customerWaId,
                                  String requestedByWamid) implements TopicRecord {

    @Override
    public String key() {
        return documentId;
    }
}
