package io.wabiz.conversations.history.ingest;

import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.ErrorHelp;
import io.wabiz.conversations.history.store.BusinessAppMessages;
import io.wabiz.conversations.history.store.ConversationSummaries;
import io.wabiz.conversations.history.store.CustomerMessages;
import io.wabiz.conversations.history.store.DeliveryStatuses;
import io.wabiz.conversations.history.store.HistoryWriters;
import io.wabiz.conversations.history.store.Outcome;
import io.wabiz.conversations.history.store.RecordChecks;
import io.wabiz.conversations.history.store.SendOutcomes;
import io.wabiz.conversations.optout.ContactPreferences;
import io.wabiz.conversations.optout.OptOutKeywords;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.platform.kafka.NonRetryableException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Feeds the history from the ingress's and the sender's topics, a poll's worth of records at a time
 * (a few round trips to MongoDB per batch instead of a few per record). A record that cannot be read or
 * stored is reported by its index: the ones before it are stored, it goes to the dead-letter topic, and
 * the ones after it are delivered again.
 */
public class HistoryListeners {

    private static final Logger log = LoggerFactory.getLogger(HistoryListeners.class);
    /** Meta's system note of a customer who moved to another number. */
    static final String USER_CHANGED_NUMBER = "user_changed_number";

    private final CustomerMessages customerMessages;
    private final BusinessAppMessages businessAppMessages;
    private final ConversationSummaries summaries;
    private final PartnerDirectory partners;
    private final DeliveryStatuses statuses;
    private final SendOutcomes sendOutcomes;
    private final HistoryMetrics metrics;
    private final OptOutKeywords keywords;
    private final ContactPreferences contacts;

    public HistoryListeners(HistoryWriters history, HistoryMetrics metrics, OptOutKeywords keywords,
                            ContactPreferences contacts, PartnerDirectory partners) {
        this.customerMessages = history.customerMessages();
        this.businessAppMessages = history.businessAppMessages();
        this.summaries = history.summaries();
        this.partners = partners;
        this.statuses = history.statuses();
        this.sendOutcomes = history.sendOutcomes();
        this.metrics = metrics;
        this.keywords = keywords;
        this.contacts = contacts;
    }

    @KafkaListener(id = "conversations-inbound", idIsGroup = false, topics = Topics.INBOUND_MESSAGES, batch = "true",
            concurrency = "${conversations.listener-concurrency:2}")
    public void onInbound(List<ConsumerRecord<String, TopicRecord>> records) {
        List<InboundMessageReceived> messages = valid(records, InboundMessageReceived.class, RecordChecks::check);
        List<Outcome> outcomes = customerMessages.record(messages);
        for (int i = 0; i < messages.size(); i++) {
            InboundMessageReceived message = messages.get(i);
            metrics.count("InboundMessageReceived", Direction.INBOUND, outcomes.get(i));
            if (outcomes.get(i) == Outcome.STORED && message.content() instanceof InboundContent.Text text) {
                keywords.intentOf(text.body()).ifPresent(intent -> applyKeyword(message, intent));
            }
            if (outcomes.get(i) == Outcome.STORED && message.content() instanceof InboundContent.SystemEvent event
                    && USER_CHANGED_NUMBER.equals(event.event()) && event.newWaId() != null
                    && !event.newWaId().equals(message.customerWaId())) {
                numberChanged(message, event.newWaId());
            }
        }
        failIfShort(records, messages.size());
    }

    @KafkaListener(id = "conversations-echoes", idIsGroup = false, topics = Topics.INBOUND_ECHOES, batch = "true",
            concurrency = "${conversations.listener-concurrency:2}")
    public void onEchoes(List<ConsumerRecord<String, TopicRecord>> records) {
        List<BusinessMessageEchoed> echoes = valid(records, BusinessMessageEchoed.class, RecordChecks::check);
        businessAppMessages.record(echoes)
                .forEach(outcome -> metrics.count("BusinessMessageEchoed", Direction.OUTBOUND, outcome));
        failIfShort(records, echoes.size());
    }

    /** A customer asked for a person: the conversation waits for staff until staff write to them. */
    @KafkaListener(id = "conversations-handoffs", idIsGroup = false, topics = Topics.HANDOFFS, batch = "true",
            concurrency = "${conversations.listener-concurrency:2}")
    public void onHandOffs(List<ConsumerRecord<String, TopicRecord>> records) {
        List<HandOffRequested> handOffs = valid(records, HandOffRequested.class, RecordChecks::check);
        for (HandOffRequested handOff : handOffs) {
            Outcome outcome = summaries.handOffRequested(handOff);
            metrics.handOff(outcome);
            if (outcome == Outcome.STORED) {
                log.info("Customer {} asked for staff ({}), answer expected by {}",
                        PhoneMasking.mask(handOff.customerWaId()), handOff.reason(), handOff.expectedAnswerBy());
            }
        }
        failIfShort(records, handOffs.size());
    }

    @KafkaListener(id = "conversations-statuses", idIsGroup = false, topics = Topics.INBOUND_STATUSES, batch = "true",
            concurrency = "${conversations.listener-concurrency:2}")
    public void onStatuses(List<ConsumerRecord<String, TopicRecord>> records) {
        List<MessageStatusChanged> changes = valid(records, MessageStatusChanged.class, RecordChecks::check);
        List<Outcome> outcomes = statuses.record(changes);
        for (int i = 0; i < changes.size(); i++) {
            MessageStatusChanged status = changes.get(i);
            metrics.count("MessageStatusChanged", Direction.OUTBOUND, outcomes.get(i));
            if (status.status() == DeliveryStatus.FAILED && status.customerWaId() != null && status.errors().stream()
                    .mapToInt(MetaError::code).anyMatch(code -> code == ErrorHelp.MARKETING_OPT_OUT)) {
                contacts.marketingOptOut(status.customerWaId(), status.statusAt());
                log.info("Customer {} stopped marketing messages (131050)", PhoneMasking.mask(status.customerWaId()));
            }
        }
        failIfShort(records, changes.size());
    }

    @KafkaListener(id = "conversations-outcomes", idIsGroup = false, topics = Topics.OUTBOUND_EVENTS, batch = "true",
            concurrency = "${conversations.listener-concurrency:2}")
    public void onOutcomes(List<ConsumerRecord<String, TopicRecord>> records) {
        List<TopicRecord> outcomes = valid(records, TopicRecord.class, record -> {
            if (!(record instanceof MessageAccepted || record instanceof MessageRejected
                    || record instanceof MessageOutcomeUnresolved)) {
                throw new IllegalArgumentException("unexpected " + record.getClass().getSimpleName());
            }
            RecordChecks.check(record);
        });
        // in order: consecutive acceptances together, each rejection or unresolved outcome on its own
        List<MessageAccepted> accepted = new ArrayList<>();
        for (TopicRecord outcome : outcomes) {
            if (outcome instanceof MessageAccepted a) {
                accepted.add(a);
            } else {
                flushAccepted(accepted);
                if (outcome instanceof MessageRejected r) {
                    rejected(r);
                } else {
                    unresolved((MessageOutcomeUnresolved) outcome);
                }
            }
        }
        flushAccepted(accepted);
        failIfShort(records, outcomes.size());
    }

    private void flushAccepted(List<MessageAccepted> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        sendOutcomes.recordAccepted(accepted).forEach(outcome -> metrics.count("MessageAccepted", Direction.OUTBOUND, outcome));
        accepted.clear();
    }

    private void rejected(MessageRejected rejected) {
        metrics.count("MessageRejected", Direction.OUTBOUND, sendOutcomes.recordRejected(rejected));
        if (rejected.errorCode() == ErrorHelp.MARKETING_OPT_OUT) {
            contacts.marketingOptOut(rejected.recipientWaId(), rejected.occurredAt());
        }
        log.info("Send {} to {} rejected: {} {}", rejected.idempotencyKey(), PhoneMasking.mask(rejected.recipientWaId()),
                rejected.errorCode(), rejected.errorTitle());
    }

    private void unresolved(MessageOutcomeUnresolved unresolved) {
        metrics.count("MessageOutcomeUnresolved", Direction.OUTBOUND, sendOutcomes.recordUnresolved(unresolved));
        log.info("Send {} to {}: outcome still unknown since {}", unresolved.idempotencyKey(),
                PhoneMasking.mask(unresolved.recipientWaId()), unresolved.unknownSince());
    }

    /** The same customer from now on: their conversations kept together, the directory told. */
    private void numberChanged(InboundMessageReceived message, String newWaId) {
        summaries.link(message.key(), ConversationKey.of(message.businessPhoneNumberId(), newWaId),
                message.businessPhoneNumberId(), newWaId);
        partners.numberChanged(message.customerWaId(), newWaId, message.sentAt());
        log.info("Customer {} changed number to {}: conversations linked", PhoneMasking.mask(message.customerWaId()),
                PhoneMasking.mask(newWaId));
    }

    private void applyKeyword(InboundMessageReceived message, OptOutKeywords.Intent intent) {
        if (intent == OptOutKeywords.Intent.STOP) {
            contacts.optOut(message.customerWaId(), ContactPreferences.KEYWORD, "customer", message.sentAt());
        } else {
            contacts.optIn(message.customerWaId(), ContactPreferences.KEYWORD, "customer", message.sentAt());
        }
        log.info("Customer {} asked to {} non-essential messages", PhoneMasking.mask(message.customerWaId()),
                intent == OptOutKeywords.Intent.STOP ? "stop" : "resume");
    }

    /** The records up to the first one that cannot be read or lacks what it needs. */
    private static <T> List<T> valid(List<ConsumerRecord<String, TopicRecord>> records, Class<T> type,
                                     Consumer<T> validation) {
        List<T> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, TopicRecord> record : records) {
            if (problem(record, type, validation) != null) {
                break;
            }
            valid.add(type.cast(record.value()));
        }
        return valid;
    }

    private static <T> RuntimeException problem(ConsumerRecord<String, TopicRecord> record, Class<T> type,
                                                Consumer<T> validation) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            return new NonRetryableException("record on " + record.topic() + " cannot be read");
        }
        if (!type.isInstance(record.value())) {
            return new NonRetryableException("expected " + type.getSimpleName() + " on " + record.topic() + ", got "
                    + (record.value() == null ? "an empty record" : record.value().getClass().getSimpleName()));
        }
        try {
            validation.accept(type.cast(record.value()));
            return null;
        } catch (IllegalArgumentException e) {
            return e;
        }
    }

    /** After storing the valid prefix: reports the record that stopped it, so only that one is dead-lettered. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void failIfShort(List<ConsumerRecord<String, TopicRecord>> records, int stored) {
        if (stored < records.size()) {
            ConsumerRecord<String, TopicRecord> bad = records.get(stored);
            RuntimeException cause = problem(bad, Object.class, RecordChecks::check);
            log.warn("Record {}-{}@{} cannot be stored: {}", bad.topic(), bad.partition(), bad.offset(),
                    cause == null ? "wrong type" : cause.getMessage());
            throw new BatchListenerFailedException(cause == null ? "wrong record type" : cause.getMessage(),
                    cause == null ? new NonRetryableException("wrong record type") : cause, stored);
        }
    }
}
