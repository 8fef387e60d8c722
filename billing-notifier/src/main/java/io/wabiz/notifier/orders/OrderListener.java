package io.wabiz.notifier.orders;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.partners.PartnerProjection;
import io.wabiz.notifier.partners.WaitingNotifications;
import io.wabiz.platform.kafka.NonRetryableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The order flows' Kafka edge: ERP order events and the customers' confirm/cancel taps (the scenario engine's
 * commands to the ERP) update the order projection, a poll's worth at a time, and the notifications they call for
 * are carried out before the offsets are committed. Requests for details come from the notifier's own topic.
 * A record that cannot be read or lacks what it needs is reported by its index: the ones before it are processed,
 * it goes to the dead-letter topic with the reason, the ones after it are delivered again.
 */
public class OrderListener {

    private static final Logger log = LoggerFactory.getLogger(OrderListener.class);

    private final OrderProjection orders;
    private final PartnerProjection partners;
    private final OrderNotifications notifications;
    private final NotificationDispatcher dispatcher;
    private final WaitingNotifications waiting;

    public OrderListener(OrderProjection orders, PartnerProjection partners, OrderNotifications notifications,
                         NotificationDispatcher dispatcher, WaitingNotifications waiting) {
        this.orders = orders;
        this.partners = partners;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.waiting = waiting;
    }

    @KafkaListener(id = "notifier-orders", idIsGroup = false, topics = Topics.ERP_SALES_ORDERS, batch = "true",
            concurrency = "${notifier.listener-concurrency:3}")
    public void onOrderEvents(List<ConsumerRecord<String, TopicRecord>> records) {
        process(records, true);
    }

    /** Confirm and cancel taps; the other commands on the topic are the ERP's business. */
    @KafkaListener(id = "notifier-taps", idIsGroup = false, topics = Topics.ERP_COMMANDS, batch = "true",
            concurrency = "1") // a light topic: one thread
    public void onErpCommands(List<ConsumerRecord<String, TopicRecord>> records) {
        process(records, false);
    }

    @KafkaListener(id = "notifier-requests", idIsGroup = false, topics = Topics.NOTIFIER_REQUESTS,
            concurrency = "1") // a light topic: one thread
    public void onRequest(ConsumerRecord<String, TopicRecord> record) {
        unreadable(record);
        if (!(record.value() instanceof SendDocumentDetails request)) {
            throw new NonRetryableException("expected SendDocumentDetails on " + record.topic() + ", got "
                    + typeOf(record));
        }
        if (request.documentType() != ErpDocumentType.SALES_ORDER) {
            return; // invoice details belong to the invoices flow
        }
        if (request.kind() != null && request.kind() != NotificationKind.ORDER_DETAILS) {
            throw new IllegalArgumentException("a sales order request must ask for ORDER_DETAILS, not "
                    + request.kind());
        }
        if (request.documentId() == null || request.documentId().isBlank()) {
            throw new IllegalArgumentException("SendDocumentDetails " + request.id() + " has no documentId");
        }
        OrderDocument doc = orders.find(request.documentId()).orElse(null);
        PartnerContact partner = doc == null || !doc.knowsOrder() ? null
                : partners.find(doc.order().partnerId()).orElse(null);
        execute(List.of(notifications.details(doc, partner, request.id(), request.occurredAt(),
                Instant.ofEpochMilli(record.timestamp()), OrderNotifications.detailsKey(request),
                request.businessPhoneNumberId(), request.customerWaId(), request.requestedByWamid(), null)));
    }

    private void process(List<ConsumerRecord<String, TopicRecord>> records, boolean orderTopic) {
        List<ConsumerRecord<String, TopicRecord>> valid = new ArrayList<>(records.size());
        RuntimeException problem = null;
        for (ConsumerRecord<String, TopicRecord> record : records) {
            problem = problem(record, orderTopic);
            if (problem != null) {
                break;
            }
            valid.add(record);
        }
        apply(valid.stream().filter(r -> isOrderRecord(r.value())).toList());
        if (problem != null) {
            ConsumerRecord<String, TopicRecord> bad = records.get(valid.size());
            log.warn("Record {}-{}@{} refused: {}", bad.topic(), bad.partition(), bad.offset(), problem.getMessage());
            throw new BatchListenerFailedException(problem.getMessage(), problem, valid.size());
        }
    }

    private void apply(List<ConsumerRecord<String, TopicRecord>> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, List<ConsumerRecord<String, TopicRecord>>> byOrder = new LinkedHashMap<>();
        records.forEach(r -> byOrder.computeIfAbsent(OrderTimeline.orderIdOf(r.value()), id -> new ArrayList<>())
                .add(r));
        // a creation is what the notifier usually hears first of an order: those orders are written as new without
        // a read first, and the few MongoDB already has (an ERP republishing, a redelivery) are read and done again
        Set<String> toRead = new HashSet<>();
        byOrder.forEach((id, events) -> {
            if (!(events.getFirst().value() instanceof SalesOrderCreated)) {
                toRead.add(id);
            }
        });
        Map<String, OrderDocument> stored = orders.findAll(toRead);
        Map<String, Projected> projected = project(byOrder, stored);
        OrderProjection.Written written = orders.saveAll(changed(projected, stored), stored.keySet());
        Map<String, OrderDocument> saved = new HashMap<>(stored);
        saved.putAll(written.stored());
        if (!written.alreadyThere().isEmpty()) {
            Map<String, List<ConsumerRecord<String, TopicRecord>>> again = new LinkedHashMap<>();
            written.alreadyThere().forEach(id -> again.put(id, byOrder.get(id)));
            Map<String, OrderDocument> storedAgain = orders.findAll(again.keySet());
            Map<String, Projected> projectedAgain = project(again, storedAgain);
            OrderProjection.Written writtenAgain = orders.saveAll(changed(projectedAgain, storedAgain),
                    storedAgain.keySet());
            if (!writtenAgain.alreadyThere().isEmpty()) {
                throw new OrderProjection.ConcurrentUpdate(String.join(",", writtenAgain.alreadyThere()));
            }
            projected.putAll(projectedAgain);
            saved.putAll(storedAgain);
            saved.putAll(writtenAgain.stored());
        }
        List<Triggered> triggered = new ArrayList<>();
        byOrder.keySet().forEach(id -> triggered.addAll(projected.get(id).triggers()));
        Set<String> partnerIds = new HashSet<>();
        triggered.forEach(t -> {
            OrderDocument doc = saved.get(t.orderId());
            if (doc.knowsOrder()) {
                partnerIds.add(doc.order().partnerId());
            }
        });
        Map<String, PartnerContact> contacts = partners.findAll(partnerIds);
        List<NotificationPlan> plans = new ArrayList<>();
        for (Triggered t : triggered) {
            OrderDocument doc = saved.get(t.orderId());
            if (!doc.knowsOrder()) {
                continue; // a tap before the ERP published the order: decided when the order arrives
            }
            PartnerContact partner = contacts.get(doc.order().partnerId());
            Instant receivedAt = Instant.ofEpochMilli(t.record().timestamp());
            String by = t.record().value().id();
            switch (t.trigger()) {
                case ORDER_CREATED -> plans.add(notifications.created(doc, partner, by, receivedAt,
                        OrderNotifications.createdKey(doc), null, null));
                case ORDER_CONFIRMATION -> notifications.confirmation(doc, partner, by, receivedAt,
                        OrderNotifications.confirmationKey(doc), null, null).ifPresent(plans::add);
            }
        }
        execute(plans);
    }

    /** Each order's events applied in turn to what is stored (null: nothing), and what they may trigger. */
    private static Map<String, Projected> project(Map<String, List<ConsumerRecord<String, TopicRecord>>> byOrder,
                                                  Map<String, OrderDocument> stored) {
        Map<String, Projected> projected = new LinkedHashMap<>();
        byOrder.forEach((id, events) -> {
            OrderDocument doc = stored.get(id);
            List<Triggered> triggers = new ArrayList<>();
            for (ConsumerRecord<String, TopicRecord> record : events) {
                OrderTimeline.Applied applied = OrderTimeline.apply(doc, id, record.value());
                doc = applied.next();
                applied.triggers().forEach(t -> triggers.add(new Triggered(id, t, record)));
            }
            projected.put(id, new Projected(doc, triggers));
        });
        return projected;
    }

    private static Map<String, OrderDocument> changed(Map<String, Projected> projected,
                                                      Map<String, OrderDocument> stored) {
        Map<String, OrderDocument> changed = new LinkedHashMap<>();
        projected.forEach((id, p) -> {
            if (!p.next().equals(stored.get(id))) {
                changed.put(id, p.next());
            }
        });
        return changed;
    }

    /** Carries the plans out; those that wait look for their partner once more, as it may have just arrived. */
    private void execute(List<NotificationPlan> plans) {
        Map<String, NotificationDispatcher.Result> results = dispatcher.executeAll(plans);
        Set<String> waitingFor = new HashSet<>();
        for (NotificationPlan plan : plans) {
            if (results.get(plan.key().toString()) == NotificationDispatcher.Result.WAITING) {
                waitingFor.add(plan.context().partnerId());
            }
        }
        waiting.decideFor(waitingFor);
    }

    private static boolean isOrderRecord(TopicRecord value) {
        return value instanceof SalesOrderCreated || value instanceof SalesOrderUpdated
                || value instanceof SalesOrderStateChanged || value instanceof ConfirmSalesOrder
                || value instanceof CancelSalesOrder;
    }

    /** Why a record cannot be applied, or null. */
    private static RuntimeException problem(ConsumerRecord<String, TopicRecord> record, boolean orderTopic) {
        try {
            unreadable(record);
            TopicRecord value = record.value();
            if (value == null) {
                return new NonRetryableException("empty record on " + record.topic());
            }
            if (!isOrderRecord(value)) {
                // the ERP's topic carries only order events; the commands topic carries others we leave alone
                return orderTopic ? new NonRetryableException("unexpected " + typeOf(record) + " on " + record.topic())
                        : null;
            }
            OrderTimeline.orderIdOf(value);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void unreadable(ConsumerRecord<String, TopicRecord> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            throw new NonRetryableException("record on " + record.topic() + " cannot be read (malformed JSON or an"
                    + " unknown type)");
        }
    }

    private static String typeOf(ConsumerRecord<String, TopicRecord> record) {
        return record.value() == null ? "an empty record" : record.value().getClass().getSimpleName();
    }

    private record Triggered(String orderId, OrderTimeline.Trigger trigger,
                             ConsumerRecord<String, TopicRecord> record) {
    }

    private record Projected(OrderDocument next, List<Triggered> triggers) {
    }
}
