package io.wabiz.notifier.orders;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.partners.PartnerProjection;
import java.util.Optional;

/**
 * What staff can ask of an order's notifications: send one again (a new, explicit version of the fact, for an
 * admin) or send the details to the partner now. The same rules as the automatic flows apply: an order already
 * confirmed gets no new "please validate", an opted-out partner nothing.
 */
public class OrderRequests {

    private final OrderProjection orders;
    private final PartnerProjection partners;
    private final OrderNotifications notifications;
    private final NotificationDispatcher dispatcher;

    public OrderRequests(OrderProjection orders, PartnerProjection partners, OrderNotifications notifications,
                         NotificationDispatcher dispatcher) {
        this.orders = orders;
        this.partners = partners;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
    }

    /** What a request gave: the plan carried out and its result. */
    public record Outcome(NotificationPlan plan, NotificationDispatcher.Result result) {
    }

    /** Why a request cannot be carried out at all (no notification recorded). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public Optional<OrderDocument> order(String orderId) {
        return orders.find(orderId).filter(OrderDocument::knowsOrder);
    }

    public Outcome resend(String orderId, NotificationKind kind, String user) {
        OrderDocument doc = order(orderId).orElseThrow(() -> new Refused("the notifier knows no order " + orderId));
        PartnerContact partner = partners.find(doc.order().partnerId()).orElse(null);
        String by = "resend:" + user;
        NotificationPlan plan = switch (kind) {
            case ORDER_CREATED -> {
                if (doc.createdVersion() == null) {
                    throw new Refused("the ERP has not published the creation of order " + orderId);
                }
                IdempotencyKey original = OrderNotifications.createdKey(doc);
                IdempotencyKey key = original.resend(orders.nextResend(orderId, kind.name()));
                yield notifications.created(doc, partner, by, null, key, original.toString(), user);
            }
            case ORDER_CONFIRMATION -> {
                SalesOrderState state = doc.order().state();
                if (state != SalesOrderState.CONFIRMED && state != SalesOrderState.CANCELLED) {
                    throw new Refused("order " + orderId + " is neither confirmed nor cancelled (" + state + ")");
                }
                IdempotencyKey original = OrderNotifications.confirmationKey(doc);
                IdempotencyKey key = original.resend(orders.nextResend(orderId, kind.name()));
                yield notifications.confirmation(doc, partner, by, null, key, original.toString(), user)
                        .orElseThrow(() -> new Refused("order " + orderId + " calls for no confirmation message"));
            }
            case ORDER_DETAILS -> {
                int resend = orders.nextResend(orderId, kind.name());
                yield detailsPlan(doc, partner, new IdempotencyKey(NotificationKind.ORDER_DETAILS,
                        ErpDocumentType.SALES_ORDER, orderId, "v" + doc.version() + "-r" + resend), user);
            }
            default -> throw new Refused(kind + " is not an order notification");
        };
        return new Outcome(plan, dispatcher.execute(plan));
    }

    /**
     * The details to the partner, now; {@code requestKey} (the caller's Idempotency-Key) makes a retried request
     * the same notification.
     */
    public Outcome sendDetails(String orderId, String requestKey, String user) {
        OrderDocument doc = order(orderId).orElseThrow(() -> new Refused("the notifier knows no order " + orderId));
        PartnerContact partner = partners.find(doc.order().partnerId()).orElse(null);
        IdempotencyKey key = new IdempotencyKey(NotificationKind.ORDER_DETAILS, ErpDocumentType.SALES_ORDER, orderId,
                "staff-" + requestKey);
        NotificationPlan plan = detailsPlan(doc, partner, key, user);
        return new Outcome(plan, dispatcher.execute(plan));
    }

    private NotificationPlan detailsPlan(OrderDocument doc, PartnerContact partner, IdempotencyKey key, String user) {
        return notifications.details(doc, partner, "staff:" + user, java.time.Instant.now(), null, key, null, null,
                null, user);
    }
}
