package io.wabiz.conversations.history;

import io.wabiz.conversations.history.HistoryStore.Outcome;
import io.wabiz.conversations.optout.ContactPreferences;
import io.wabiz.conversations.optout.OptOutKeywords;
import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.platform.kafka.NonRetryableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Feeds the history from the ingress's and the sender's topics. */
public class HistoryListeners {

    private static final Logger log = LoggerFactory.getLogger(HistoryListeners.class);

    private final HistoryStore store;
    private final HistoryMetrics metrics;
    private final OptOutKeywords keywords;
    private final ContactPreferences contacts;

    public HistoryListeners(HistoryStore store, HistoryMetrics metrics, OptOutKeywords keywords,
                            ContactPreferences contacts) {
        this.store = store;
        this.metrics = metrics;
        this.keywords = keywords;
        this.contacts = contacts;
    }

    @KafkaListener(id = "conversations-inbound", topics = Topics.INBOUND_MESSAGES,
            concurrency = "${conversations.listener-concurrency:2}")
    public void onInbound(ConsumerRecord<String, TopicRecord> record) {
        InboundMessageReceived message = expect(record, InboundMessageReceived.class);
        Outcome outcome = store.recordInbound(message);
        metrics.count("InboundMessageReceived", Direction.INBOUND, outcome);
        if (outcome == Outcome.STORED && message.content() instanceof InboundContent.Text text) {
            keywords.intentOf(text.body()).ifPresent(intent -> {
                if (intent == OptOutKeywords.Intent.STOP) {
                    contacts.optOut(message.customerWaId(), ContactPreferences.KEYWORD, "customer", message.sentAt());
                } else {
                    contacts.optIn(message.customerWaId(), ContactPreferences.KEYWORD, "customer", message.sentAt());
                }
                log.info("Customer {} asked to {} non-essential messages", PhoneMasking.mask(message.customerWaId()),
                        intent == OptOutKeywords.Intent.STOP ? "stop" : "resume");
            });
        }
        log.debug("Inbound {} from {}: {}", message.wamid(), PhoneMasking.mask(message.customerWaId()), outcome);
    }

    @KafkaListener(id = "conversations-statuses", topics = Topics.INBOUND_STATUSES,
            concurrency = "${conversations.listener-concurrency:2}")
    public void onStatus(ConsumerRecord<String, TopicRecord> record) {
        MessageStatusChanged status = expect(record, MessageStatusChanged.class);
        Outcome outcome = store.recordStatus(status);
        metrics.count("MessageStatusChanged", Direction.OUTBOUND, outcome);
        if (status.status() == DeliveryStatus.FAILED && status.customerWaId() != null
                && status.errors().stream().mapToInt(MetaError::code).anyMatch(c -> c == ErrorHelp.MARKETING_OPT_OUT)) {
            contacts.marketingOptOut(status.customerWaId(), status.statusAt());
            log.info("Customer {} stopped marketing messages (131050)", PhoneMasking.mask(status.customerWaId()));
        }
        log.debug("Status {} of {}: {}", status.status(), status.wamid(), outcome);
    }

    @KafkaListener(id = "conversations-outcomes", topics = Topics.OUTBOUND_EVENTS,
            concurrency = "${conversations.listener-concurrency:2}")
    public void onOutcome(ConsumerRecord<String, TopicRecord> record) {
        switch (record.value()) {
            case MessageAccepted accepted -> {
                Outcome outcome = store.recordAccepted(accepted);
                metrics.count("MessageAccepted", Direction.OUTBOUND, outcome);
                log.debug("Accepted {} as {}: {}", accepted.idempotencyKey(), accepted.wamid(), outcome);
            }
            case MessageRejected rejected -> {
                Outcome outcome = store.recordRejected(rejected);
                metrics.count("MessageRejected", Direction.OUTBOUND, outcome);
                if (rejected.errorCode() == ErrorHelp.MARKETING_OPT_OUT) {
                    contacts.marketingOptOut(rejected.recipientWaId(), rejected.occurredAt());
                }
                log.info("Send {} to {} rejected: {} {}", rejected.idempotencyKey(),
                        PhoneMasking.mask(rejected.recipientWaId()), rejected.errorCode(), rejected.errorTitle());
            }
            case null -> throw new NonRetryableException("empty record on " + record.topic());
            default -> throw new NonRetryableException("unexpected " + record.value().getClass().getSimpleName()
                    + " on " + record.topic());
        }
    }

    static <T extends TopicRecord> T expect(ConsumerRecord<String, TopicRecord> record, Class<T> type) {
        if (!type.isInstance(record.value())) {
            throw new NonRetryableException("expected " + type.getSimpleName() + " on " + record.topic() + ", got "
                    + (record.value() == null ? "an empty record" : record.value().getClass().getSimpleName()));
        }
        return type.cast(record.value());
    }
}
