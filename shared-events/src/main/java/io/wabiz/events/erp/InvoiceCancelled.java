package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

public record InvoiceCancelled(String id, Instant occurredAt, Invoice invoice) implements TopicRecord {

    @Override
    public String key() {
        return invoice.invoiceId();
    }
}
