package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/** The customer asked, by a tap in WhatsApp, to confirm this order. */
public record ConfirmSalesOrder(String id, Instant occurredAt, String orderId, String orderNumber, CustomerTap tap)
        implements TopicRecord {

    @Override
    public String key() {
        return orderId;
    }
}
