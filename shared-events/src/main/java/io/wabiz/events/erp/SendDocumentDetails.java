package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * Ask the billing notifier to send a document's details (order lines, invoice with payment links)
 * to the customer who asked for them.
 *
 * @param requestedByWamid the customer's message that asked, to quote in the answer
 * @param paymentProvider  for invoice details asked by a {@code pay:{provider}} button: the provider whose payment
 *                         link the customer chose ({@code wave}, {@code orange-money}); null for all of them
 * @param language         the language the customer is being answered in ({@code fr}, {@code en}), when the
 *                         requester knows it; null to use the partner's
 */
public record SendDocumentDetails(String id, Instant occurredAt, ErpDocumentType documentType, String documentId,
                                  NotificationKind kind, String businessPhoneNumberId, String customerWaId,
                                  String requestedByWamid, String paymentProvider, String language)
        implements TopicRecord {

    /** The form before the payment provider and the language were added. */
    public SendDocumentDetails(String id, Instant occurredAt, ErpDocumentType documentType, String documentId,
                               NotificationKind kind, String businessPhoneNumberId, String customerWaId,
                               String requestedByWamid) {
        this(id, occurredAt, documentType, documentId, kind, businessPhoneNumberId, customerWaId, requestedByWamid,
                null, null);
    }

    @Override
    public String key() {
        return documentId;
    }
}
