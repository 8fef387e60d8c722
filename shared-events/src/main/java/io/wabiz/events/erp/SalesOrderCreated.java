package io.wabiz.events.erp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

public record SalesOrderCreated(String id, Instant occurredAt, SalesOrder order) implements TopicRecord {

    @Override
    public String key() {
        return order.orderId();
    }
}
