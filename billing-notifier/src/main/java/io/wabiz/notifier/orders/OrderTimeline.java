package io.wabiz.notifier.orders;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.notification.keys.DocumentVersions;
import io.wabiz.notification.keys.DocumentVersions.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one ERP event or tap command to an order's projection, whatever order they arrive in, and says which
 * notifications the event may cause. Pure: the store reads and writes around it.
 */
public final class OrderTimeline {

    private OrderTimeline() {
    }

    /** What may follow from an event; the planner decides whether it is sent, skipped or waits. */
    public enum Trigger { ORDER_CREATED, ORDER_CONFIRMATION }

    public record Applied(OrderDocument next, List<Trigger> triggers) {
    }

    /** The order id an event or command is about; refuses records that cannot be about an order. */
    public static String orderIdOf(TopicRecord record) {
        String id = switch (record) {
            case SalesOrderCreated e -> valid(e.order()).orderId();
            case SalesOrderUpdated e -> valid(e.order()).orderId();
            case SalesOrderStateChanged e -> valid(e.order()).orderId();
            case ConfirmSalesOrder c -> c.orderId();
            case CancelSalesOrder c -> c.orderId();
            default -> throw new IllegalArgumentException("not an order event: " + record.getClass().getSimpleName());
        };
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no order id");
        }
        return id;
    }

    /** Checks what every notification needs of an order, so a broken event is refused before it changes anything. */
    public static SalesOrder valid(SalesOrder order) {
        if (order == null) {
            throw new IllegalArgumentException("order event without an order");
        }
        if (order.orderId() == null || order.orderId().isBlank()) {
            throw new IllegalArgumentException("order without an orderId");
        }
        if (order.partnerId() == null || order.partnerId().isBlank()) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no partnerId");
        }
        if (order.state() == null) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no state");
        }
        if (order.currency() == null || order.currency().isBlank()) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no currency");
        }
        return order;
    }

    public static Applied apply(OrderDocument current, String orderId, TopicRecord record) {
        OrderDocument doc = current != null ? current
                : new OrderDocument(orderId, null, null, null, null, null, null, null, 0);
        List<Trigger> triggers = new ArrayList<>();
        switch (record) {
            case SalesOrderCreated created -> {
                doc = withVersion(doc, created.order(), created.occurredAt());
                if (doc.createdVersion() == null) {
                    String version = created.order().version() == null || created.order().version().isBlank()
                            ? "0" : created.order().version();
                    doc = new OrderDocument(doc.id(), doc.order(), doc.orderAt(), doc.stateSince(), version,
                            created.occurredAt(), doc.tap(), doc.resends(), doc.revision());
                }
                triggers.add(Trigger.ORDER_CREATED);
            }
            case SalesOrderUpdated updated -> doc = withVersion(doc, updated.order(), updated.occurredAt());
            case SalesOrderStateChanged changed -> {
                doc = withVersion(doc, changed.order(), changed.occurredAt());
                triggers.add(Trigger.ORDER_CONFIRMATION);
            }
            case ConfirmSalesOrder confirm -> {
                doc = withTap(doc, true, confirm.id(), confirm.tap(), confirm.occurredAt());
                triggers.add(Trigger.ORDER_CONFIRMATION);
            }
            case CancelSalesOrder cancel -> {
                doc = withTap(doc, false, cancel.id(), cancel.tap(), cancel.occurredAt());
                triggers.add(Trigger.ORDER_CONFIRMATION);
            }
            default -> throw new IllegalArgumentException("not an order event: " + record.getClass().getSimpleName());
        }
        return new Applied(doc, triggers);
    }

    private static OrderDocument withVersion(OrderDocument doc, SalesOrder order, Instant at) {
        Stamp incoming = new Stamp(at, order.version());
        Stamp known = doc.order() == null ? null : new Stamp(doc.orderAt(), doc.order().version());
        if (known != null && !DocumentVersions.isNewer(incoming, known)) {
            return doc; // an older or the same version: the projection keeps the newer one
        }
        OrderDocument.StateSince since = doc.stateSince() != null && doc.stateSince().state() == order.state()
                ? doc.stateSince()
                : new OrderDocument.StateSince(order.state(), order.version() == null || order.version().isBlank()
                        ? "0" : order.version(), at);
        return new OrderDocument(doc.id(), order, at, since, doc.createdVersion(), doc.createdAt(), doc.tap(),
                doc.resends(), doc.revision());
    }

    private static OrderDocument withTap(OrderDocument doc, boolean confirm, String commandId, CustomerTap tap,
                                         Instant occurredAt) {
        if (tap == null || tap.customerWaId() == null || tap.businessPhoneNumberId() == null) {
            throw new IllegalArgumentException("tap command " + commandId + " has no customer or business number");
        }
        Instant tappedAt = tap.tappedAt() != null ? tap.tappedAt() : occurredAt;
        if (doc.tap() != null && doc.tap().tappedAt() != null && tappedAt != null
                && !tappedAt.isAfter(doc.tap().tappedAt())) {
            return doc; // the customer's latest tap counts
        }
        return new OrderDocument(doc.id(), doc.order(), doc.orderAt(), doc.stateSince(), doc.createdVersion(),
                doc.createdAt(), new OrderDocument.Tap(confirm, tap.wamid(), tap.customerWaId(),
                tap.businessPhoneNumberId(), tappedAt, commandId), doc.resends(), doc.revision());
    }
}
