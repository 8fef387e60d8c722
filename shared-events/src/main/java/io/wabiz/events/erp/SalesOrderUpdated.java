package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/** Lines, amounts or dates of an order changed (its state did not). */
public record SalesOrderUpdated(String id, Instant occurredAt, SalesOrder order) implements TopicRecord {

    @Override
    public String key() {
        return order.orderId();
    }
}
