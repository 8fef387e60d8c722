package io.wabiz.notifier.orders;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notification.SkipReason;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.notification.partners.ContactRules;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.partners.Reachability;
import io.wabiz.notification.routing.BusinessNumberRouting;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.notifier.NotifierProperties;
import io.wabiz.notifier.messages.NotifierTexts;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.notifications.NotificationPlan.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides the order notifications: for a fact about an order (created, confirmed or cancelled after a tap, details
 * asked for), the plan to send, skip with the reason, or wait for the partner. Plain Java; the listener and the API
 * give it the projections, the dispatcher carries the plans out.
 */
public class OrderNotifications {

    public static final String ACTOR = "billing-notifier";

    private final NotifierProperties properties;
    private final BusinessNumberRouting routing;
    private final NotifierTexts texts;
    private final OrderMessages messages;
    private final Clock clock;

    public OrderNotifications(NotifierProperties properties, BusinessNumberRouting routing, NotifierTexts texts,
                              OrderMessages messages, Clock clock) {
        this.properties = properties;
        this.routing = routing;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The key of the order's "please validate" notification: the fact is the creation, whatever republishes it. */
    public static IdempotencyKey createdKey(OrderDocument order) {
        return IdempotencyKey.ofVersion(NotificationKind.ORDER_CREATED, ErpDocumentType.SALES_ORDER, order.id(),
                order.createdVersion());
    }

    /** The key of the confirmation or cancellation message: the fact is the order entering that state. */
    public static IdempotencyKey confirmationKey(OrderDocument order) {
        return IdempotencyKey.ofVersion(NotificationKind.ORDER_CONFIRMATION, ErpDocumentType.SALES_ORDER, order.id(),
                order.stateSince().version());
    }

    /** The key of details asked for: one per request (the customer's tap when there is one). */
    public static IdempotencyKey detailsKey(SendDocumentDetails request) {
        String fact = request.requestedByWamid() != null && !request.requestedByWamid().isBlank()
                ? request.requestedByWamid() : request.id();
        return new IdempotencyKey(NotificationKind.ORDER_DETAILS, ErpDocumentType.SALES_ORDER, request.documentId(),
                fact);
    }

    /** "Please validate": only while the order awaits the customer, only once per order. */
    public NotificationPlan created(OrderDocument doc, PartnerContact partner, String triggeredBy, Instant receivedAt,
                                    IdempotencyKey key, String resendOf, String requestedBy) {
        SalesOrder order = doc.order();
        Context context = new Context(key, order.partnerId(), order.companyId(), triggeredBy, doc.createdAt(),
                receivedAt, resendOf, requestedBy);
        if (!properties.flowEnabled(order.companyId(), NotificationKind.ORDER_CREATED)) {
            return new NotificationPlan.Skip(context, SkipReason.FLOW_DISABLED);
        }
        if (!order.state().awaitsCustomer()) {
            return new NotificationPlan.Skip(context, SkipReason.DOCUMENT_STATE_CHANGED);
        }
        Optional<CompanyRoute> route = routing.route(order.companyId());
        if (route.isEmpty()) {
            return new NotificationPlan.Skip(context, SkipReason.NO_BUSINESS_NUMBER);
        }
        if (partner == null) {
            return waitOrGiveUp(context);
        }
        Reachability reachability = ContactRules.reachability(partner, route.get().optInPolicy());
        if (reachability instanceof Reachability.Unreachable unreachable) {
            return new NotificationPlan.Skip(context, unreachable.reason());
        }
        Locale language = texts.languageOf(partner, route.get());
        Optional<TemplateRef> template = texts.template("order-created", language);
        if (template.isEmpty()) {
            return new NotificationPlan.Skip(context, SkipReason.NO_TEMPLATE);
        }
        OrderMessages.Message message = messages.created(order, doc.version(), partner.greetingName(), language,
                route.get().timeZone(), template.get());
        return send(context, route.get().businessPhoneNumberId(), ((Reachability.Reachable) reachability).waId(),
                message, null, NotificationKind.ORDER_CREATED, requestedBy, order.number());
    }

    /**
     * The confirmation or cancellation, when the order entered that state after the customer asked by a tap (or
     * always, when so configured). Empty when the fact calls for no message at all (an order confirmed in the ERP
     * that nobody tapped).
     */
    public Optional<NotificationPlan> confirmation(OrderDocument doc, PartnerContact partner, String triggeredBy,
                                                   Instant receivedAt, IdempotencyKey key, String resendOf,
                                                   String requestedBy) {
        if (!doc.knowsOrder() || doc.stateSince() == null) {
            return Optional.empty();
        }
        SalesOrder order = doc.order();
        SalesOrderState state = order.state();
        if (state != SalesOrderState.CONFIRMED && state != SalesOrderState.CANCELLED) {
            return Optional.empty();
        }
        OrderDocument.Tap tap = doc.tap();
        boolean tappedBeforeTheChange = tap != null && (tap.tappedAt() == null || doc.stateSince().at() == null
                || !tap.tappedAt().isAfter(doc.stateSince().at()));
        boolean always = properties.orders().confirmations() == NotifierProperties.Confirmations.ALWAYS;
        if (!tappedBeforeTheChange && !always && resendOf == null) {
            return Optional.empty(); // a tap after the change is a stale tap: the scenario engine answers it
        }
        Context context = new Context(key, order.partnerId(), order.companyId(), triggeredBy, doc.stateSince().at(),
                receivedAt, resendOf, requestedBy);
        if (!properties.flowEnabled(order.companyId(), NotificationKind.ORDER_CONFIRMATION)) {
            return Optional.of(new NotificationPlan.Skip(context, SkipReason.FLOW_DISABLED));
        }
        Optional<CompanyRoute> route = routing.route(order.companyId());
        if (route.isEmpty()) {
            return Optional.of(new NotificationPlan.Skip(context, SkipReason.NO_BUSINESS_NUMBER));
        }
        String number;
        String waId;
        String replyTo = null;
        if (tappedBeforeTheChange) { // the answer to the customer's own tap, from the number they tapped on
            number = tap.businessPhoneNumberId();
            waId = tap.customerWaId();
            replyTo = resendOf == null ? tap.wamid() : null;
        } else {
            if (partner == null) {
                return Optional.of(waitOrGiveUp(context));
            }
            Reachability reachability = ContactRules.reachability(partner, route.get().optInPolicy());
            if (reachability instanceof Reachability.Unreachable unreachable) {
                return Optional.of(new NotificationPlan.Skip(context, unreachable.reason()));
            }
            number = route.get().businessPhoneNumberId();
            waId = ((Reachability.Reachable) reachability).waId();
        }
        Locale language = texts.languageOf(partner, route.get());
        boolean confirmed = state == SalesOrderState.CONFIRMED;
        Optional<TemplateRef> template = texts.template(confirmed ? "order-confirmed" : "order-cancelled", language);
        if (template.isEmpty()) {
            return Optional.of(new NotificationPlan.Skip(context, SkipReason.NO_TEMPLATE));
        }
        String name = partner != null ? partner.greetingName() : order.partnerName();
        OrderMessages.Message message = messages.confirmation(order, doc.version(), confirmed, name, language,
                template.get());
        return Optional.of(send(context, number, waId, message, replyTo, NotificationKind.ORDER_CONFIRMATION,
                requestedBy, order.number()));
    }

    /** Details asked for by the customer (scenario engine), or by staff for the partner. */
    public NotificationPlan details(OrderDocument doc, PartnerContact partner, String triggeredBy, Instant factAt,
                                    Instant receivedAt, IdempotencyKey key, String businessPhoneNumberId,
                                    String customerWaId, String replyToWamid, String requestedBy) {
        String companyId = doc != null && doc.knowsOrder() ? doc.order().companyId() : null;
        String partnerId = doc != null && doc.knowsOrder() ? doc.order().partnerId() : null;
        Context context = new Context(key, partnerId, companyId, triggeredBy, factAt, receivedAt, null, requestedBy);
        if (doc == null || !doc.knowsOrder()) {
            return new NotificationPlan.Skip(context, SkipReason.DOCUMENT_UNKNOWN);
        }
        SalesOrder order = doc.order();
        if (!properties.flowEnabled(companyId, NotificationKind.ORDER_DETAILS)) {
            return new NotificationPlan.Skip(context, SkipReason.FLOW_DISABLED);
        }
        Optional<CompanyRoute> route = routing.route(companyId);
        if (route.isEmpty()) {
            return new NotificationPlan.Skip(context, SkipReason.NO_BUSINESS_NUMBER);
        }
        String number = businessPhoneNumberId;
        String waId = customerWaId;
        if (waId == null || number == null) { // nobody asked from WhatsApp: the partner's number, the company's line
            if (partner == null) {
                return waitOrGiveUp(context);
            }
            Reachability reachability = ContactRules.reachability(partner, route.get().optInPolicy());
            if (reachability instanceof Reachability.Unreachable unreachable) {
                return new NotificationPlan.Skip(context, unreachable.reason());
            }
            number = route.get().businessPhoneNumberId();
            waId = ((Reachability.Reachable) reachability).waId();
        }
        Locale language = texts.languageOf(partner, route.get());
        Optional<TemplateRef> template = texts.template("order-details", language);
        if (template.isEmpty()) {
            return new NotificationPlan.Skip(context, SkipReason.NO_TEMPLATE);
        }
        String name = partner != null ? partner.greetingName() : order.partnerName();
        OrderMessages.Message message = messages.details(order, doc.version(), name, language, route.get().timeZone(),
                properties.orders().detailsMaxLines(), template.get());
        return send(context, number, waId, message, replyToWamid, NotificationKind.ORDER_DETAILS, requestedBy,
                order.number());
    }

    private NotificationPlan waitOrGiveUp(Context context) {
        Instant factAt = context.factAt();
        if (factAt != null && Duration.between(factAt, clock.instant()).compareTo(properties.partnerWait()) > 0) {
            return new NotificationPlan.Skip(context, SkipReason.PARTNER_UNKNOWN);
        }
        return new NotificationPlan.WaitForPartner(context);
    }

    private NotificationPlan send(Context context, String businessPhoneNumberId, String waId,
                                  OrderMessages.Message message, String replyTo, NotificationKind kind,
                                  String requestedBy, String orderNumber) {
        Correlation correlation = new Correlation(ErpDocumentType.SALES_ORDER, context.documentId(), kind,
                requestedBy == null ? Correlation.Origin.AUTOMATION : Correlation.Origin.STAFF,
                requestedBy == null ? ACTOR : requestedBy, orderNumber);
        SendMessage command = new SendMessage(commandId(context.key()), clock.instant(), businessPhoneNumberId, waId,
                message.content(), message.fallback(), context.key().toString(), correlation, replyTo);
        return new NotificationPlan.Send(context, command);
    }

    /** A command id derived from the key: the same fact always gives the same command, even rebuilt. */
    static String commandId(IdempotencyKey key) {
        return UUID.nameUUIDFromBytes(("send:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
