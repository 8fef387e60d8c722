package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment provider confirmed that the customer paid (part of) an invoice through the platform's payment link;
 * the ERP books it. The provider's transaction id is the dedup key: the ERP books one payment per transaction.
 *
 * @param provider              {@code wave}, {@code orange-money}, ... (the payment link provider's id)
 * @param providerTransactionId the provider's own id of the paid transaction, verified with the provider
 * @param amount                what the provider says was paid, in {@code currency}
 * @param paidAt                when the provider says it was paid
 */
public record PaymentReceived(String id, Instant occurredAt, String invoiceId, String invoiceNumber, String companyId,
                              String partnerId, String provider, String providerTransactionId, BigDecimal amount,
                              String currency, Instant paidAt) implements TopicRecord {

    @Override
    public String key() {
        return invoiceId;
    }
}
