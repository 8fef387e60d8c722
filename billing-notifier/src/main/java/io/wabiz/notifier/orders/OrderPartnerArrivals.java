package io.wabiz.notifier.orders;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationEntry;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.partners.PartnerArrivals;
import java.util.Optional;

/** Order notifications that waited for their partner are decided again, on the order as it is now. */
public class OrderPartnerArrivals implements PartnerArrivals {

    private final OrderProjection orders;
    private final OrderNotifications notifications;

    public OrderPartnerArrivals(OrderProjection orders, OrderNotifications notifications) {
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public boolean handles(NotificationEntry waiting) {
        return waiting.documentType() == ErpDocumentType.SALES_ORDER;
    }

    @Override
    public Optional<NotificationPlan> replan(NotificationEntry waiting, PartnerContact partner) {
        Optional<OrderDocument> order = orders.find(waiting.documentId()).filter(OrderDocument::knowsOrder);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        OrderDocument doc = order.get();
        IdempotencyKey key = IdempotencyKey.parse(waiting.key());
        return switch (waiting.kind()) {
            case ORDER_CREATED -> Optional.of(notifications.created(doc, partner, waiting.triggeredBy(), null, key,
                    waiting.resendOf(), waiting.requestedBy()));
            case ORDER_CONFIRMATION -> notifications.confirmation(doc, partner, waiting.triggeredBy(), null, key,
                    waiting.resendOf(), waiting.requestedBy());
            case ORDER_DETAILS -> Optional.of(notifications.details(doc, partner, waiting.triggeredBy(),
                    waiting.factAt(), null, key, null, null, null, waiting.requestedBy()));
            default -> Optional.empty();
        };
    }
}
