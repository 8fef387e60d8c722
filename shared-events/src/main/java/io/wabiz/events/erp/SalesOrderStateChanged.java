package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/** An order was confirmed, cancelled, locked or set back to quotation. */
public record SalesOrderStateChanged(String id, Instant occurredAt, SalesOrderState previousState, SalesOrder order)
        implements TopicRecord {

    @Override
    public String key() {
        return order.orderId();
    }
}
