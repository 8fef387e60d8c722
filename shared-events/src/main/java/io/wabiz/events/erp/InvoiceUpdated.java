package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.math.BigDecimal;
import java.time.Instant;

/** An invoice changed, typically its residual after a partial payment. */
public record InvoiceUpdated(String id, Instant occurredAt, BigDecimal previousResidual,
                             PaymentState previousPaymentState, Invoice invoice) implements TopicRecord {

    @Override
    public String key() {
        return invoice.invoiceId();
    }
}
