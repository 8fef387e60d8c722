package io.wabiz.notifier.invoices;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationLog;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.notifications.NotificationState;
import io.wabiz.notifier.partners.PartnerProjection;
import io.wabiz.notifier.payments.PayLinks;
import io.wabiz.platform.kafka.NonRetryableException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The invoice flows' Kafka edge: the ERP's invoice events update the projection a poll's worth at a time, and the
 * notifications they call for (the PDF, the residual, the thank-you, the cancellation) are carried out before the
 * offsets are committed. Details asked for an invoice come from the notifier's requests topic, read in a group of
 * their own (the orders flow reads the same topic for orders). A record that cannot be read goes to the dead
 * letters with the reason; the ones before it are processed.
 */
public class InvoiceListener {

    private static final Logger log = LoggerFactory.getLogger(InvoiceListener.class);
    private static final Set<NotificationState> TOLD = EnumSet.of(NotificationState.PENDING,
            NotificationState.ACCEPTED, NotificationState.SENT, NotificationState.DELIVERED, NotificationState.READ);

    private final InvoiceProjection invoices;
    private final PartnerProjection partners;
    private final InvoiceNotifications notifications;
    private final NotificationDispatcher dispatcher;
    private final NotificationLog notificationLog;
    private final PayLinks payLinks;

    public InvoiceListener(InvoiceProjection invoices, PartnerProjection partners, InvoiceNotifications notifications,
                           NotificationDispatcher dispatcher, NotificationLog notificationLog, PayLinks payLinks) {
        this.invoices = invoices;
        this.partners = partners;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.notificationLog = notificationLog;
        this.payLinks = payLinks;
    }

    // a group of its own and small polls: a batch renders a PDF per invoice, and a long batch in the notifier's
    // shared group would hold every other listener's rebalance (seen with 1,000 invoices posted at once)
    @KafkaListener(id = "notifier-invoices", groupId = "billing-notifier-invoices", topics = Topics.ERP_INVOICES,
            batch = "true", concurrency = "${notifier.listener-concurrency:3}",
            properties = "max.poll.records=${notifier.invoices.max-poll-records:50}")
    public void onInvoiceEvents(List<ConsumerRecord<String, TopicRecord>> records) {
        List<ConsumerRecord<String, TopicRecord>> valid = new ArrayList<>(records.size());
        RuntimeException problem = null;
        for (ConsumerRecord<String, TopicRecord> record : records) {
            problem = problem(record);
            if (problem != null) {
                break;
            }
            valid.add(record);
        }
        apply(valid);
        if (problem != null) {
            ConsumerRecord<String, TopicRecord> bad = records.get(valid.size());
            log.warn("Record {}-{}@{} refused: {}", bad.topic(), bad.partition(), bad.offset(), problem.getMessage());
            throw new BatchListenerFailedException(problem.getMessage(), problem, valid.size());
        }
    }

    @KafkaListener(id = "notifier-invoice-requests", groupId = "billing-notifier-invoice-requests",
            topics = Topics.NOTIFIER_REQUESTS, concurrency = "1") // a light topic: one thread (as the orders flow)
    public void onRequest(ConsumerRecord<String, TopicRecord> record) {
        unreadable(record);
        if (!(record.value() instanceof SendDocumentDetails request)
                || request.documentType() != ErpDocumentType.INVOICE) {
            return; // the orders flow's, or not a request at all (its listener dead-letters those)
        }
        if (request.documentId() == null || request.documentId().isBlank()) {
            throw new NonRetryableException("SendDocumentDetails " + request.id() + " has no documentId");
        }
        if (request.kind() != null && request.kind() != NotificationKind.INVOICE_DETAILS) {
            throw new NonRetryableException("an invoice request must ask for INVOICE_DETAILS, not " + request.kind());
        }
        InvoiceDocument doc = invoices.find(request.documentId()).orElse(null);
        PartnerContact partner = doc == null ? null : partners.find(doc.invoice().partnerId()).orElse(null);
        String fact = request.requestedByWamid() != null && !request.requestedByWamid().isBlank()
                ? request.requestedByWamid() : request.id();
        dispatcher.execute(notifications.details(doc, request.documentId(), partner, request.id(), request.occurredAt(),
                Instant.ofEpochMilli(record.timestamp()), InvoiceNotifications.detailsKey(request.documentId(), fact),
                request.businessPhoneNumberId(), request.customerWaId(), request.requestedByWamid()));
    }

    private void apply(List<ConsumerRecord<String, TopicRecord>> records) {
        if (records.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(InvoiceProjection.invoiceOf(r.value()).invoiceId()));
        Map<String, InvoiceDocument> working = new LinkedHashMap<>(invoices.findAll(ids));
        List<Triggered> triggered = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        for (ConsumerRecord<String, TopicRecord> record : records) {
            String id = InvoiceProjection.invoiceOf(record.value()).invoiceId();
            InvoiceDocument before = working.get(id);
            InvoiceDocument next = InvoiceProjection.apply(before, record.value());
            if (!next.equals(before)) {
                changed.add(id);
            }
            working.put(id, next);
            BigDecimal previous = record.value() instanceof InvoiceUpdated updated && updated.previousResidual() != null
                    ? updated.previousResidual() : before == null ? null : before.residual();
            triggered.add(new Triggered(id, record, previous));
        }
        invoices.saveAll(changed.stream().map(working::get).toList());
        Set<String> partnerIds = new HashSet<>();
        working.values().forEach(doc -> partnerIds.add(doc.invoice().partnerId()));
        Map<String, PartnerContact> contacts = partners.findAll(partnerIds);
        List<NotificationPlan> plans = new ArrayList<>();
        for (Triggered t : triggered) {
            InvoiceDocument doc = working.get(t.invoiceId());
            PartnerContact partner = contacts.get(doc.invoice().partnerId());
            Instant receivedAt = Instant.ofEpochMilli(t.record().timestamp());
            TopicRecord event = t.record().value();
            String by = event.id();
            switch (event) {
                case InvoicePosted posted -> plans.add(notifications.posted(doc, partner, by, receivedAt));
                case InvoiceUpdated updated -> {
                    notifications.residualChanged(doc, t.previousResidual(), partner, by, updated.occurredAt(),
                            receivedAt).ifPresent(plans::add);
                    payLinks.closeSessionsAbove(doc.id(), doc.residual());
                }
                case InvoicePaid paid -> {
                    notifications.residualChanged(doc, t.previousResidual(), partner, by, paid.occurredAt(),
                            receivedAt).ifPresent(plans::add);
                    payLinks.closeSessions(doc.id());
                }
                case InvoiceCancelled cancelled -> {
                    payLinks.closeSessions(doc.id());
                    if (doc.postedVersion() != null && notificationLog.find(InvoiceNotifications.postedKey(doc).toString())
                            .filter(entry -> TOLD.contains(entry.state())).isPresent()) {
                        plans.add(notifications.cancelled(doc, partner, by, cancelled.occurredAt(), receivedAt));
                    }
                }
                default -> { }
            }
        }
        dispatcher.executeAll(plans);
    }

    private static RuntimeException problem(ConsumerRecord<String, TopicRecord> record) {
        try {
            unreadable(record);
            TopicRecord value = record.value();
            if (value == null) {
                return new NonRetryableException("empty record on " + record.topic());
            }
            if (!(value instanceof InvoicePosted || value instanceof InvoiceUpdated || value instanceof InvoicePaid
                    || value instanceof InvoiceCancelled)) {
                return new NonRetryableException("unexpected " + value.getClass().getSimpleName() + " on "
                        + record.topic());
            }
            InvoiceProjection.invoiceOf(value);
            return null;
        } catch (IllegalArgumentException e) {
            return new NonRetryableException(e.getMessage());
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

    private record Triggered(String invoiceId, ConsumerRecord<String, TopicRecord> record,
                             BigDecimal previousResidual) {
    }
}
