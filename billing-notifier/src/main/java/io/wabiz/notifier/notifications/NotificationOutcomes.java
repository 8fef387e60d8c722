package io.wabiz.notifier.notifications;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.events.whatsapp.MetaErrorHelp;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.platform.kafka.NonRetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * What became of the notifier's messages: the sender's {@code MessageAccepted} / {@code MessageRejected} (matched
 * by idempotency key) and Meta's statuses (matched by {@code biz_opaque_callback_data}, the same key). The ERP is
 * told with {@code NotificationRecorded} once Meta accepted a message, never before and never after a rejection;
 * the event's id derives from the key, so telling it again after a crash is one fact for the ERP.
 */
public class NotificationOutcomes {

    private static final Logger log = LoggerFactory.getLogger(NotificationOutcomes.class);

    private static final java.util.Set<NotificationState> REACHED_META = java.util.EnumSet.of(
            NotificationState.ACCEPTED, NotificationState.SENT, NotificationState.DELIVERED, NotificationState.READ);

    /** The outbound-sender's title for a call cut off after its request was written (code 0, not retryable). */
    static final String SENDER_OUTCOME_UNKNOWN = "Outcome unknown";

    private final NotificationLog notifications;
    private final NotificationDispatcher dispatcher;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public NotificationOutcomes(NotificationLog notifications, NotificationDispatcher dispatcher,
                                NotificationMetrics metrics, Clock clock) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(id = "notifier-outcomes", idIsGroup = false, topics = Topics.OUTBOUND_EVENTS, batch = "true",
            concurrency = "${notifier.listener-concurrency:3}")
    public void onOutcomes(List<ConsumerRecord<String, TopicRecord>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, TopicRecord> record = records.get(i);
            try {
                switch (readable(record)) {
                    case MessageAccepted accepted -> accepted(accepted);
                    case MessageRejected rejected -> rejected(rejected);
                    case MessageOutcomeUnresolved unresolved -> unresolved(unresolved);
                    default -> log.debug("Ignoring {} on {}", record.value().getClass().getSimpleName(),
                            record.topic()); // another consumer's record: nothing of the notifier's
                }
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
    }

    @KafkaListener(id = "notifier-statuses", idIsGroup = false, topics = Topics.INBOUND_STATUSES, batch = "true",
            concurrency = "${notifier.listener-concurrency:3}")
    public void onStatuses(List<ConsumerRecord<String, TopicRecord>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, TopicRecord> record = records.get(i);
            try {
                if (!(readable(record) instanceof MessageStatusChanged status)) {
                    throw new NonRetryableException("expected MessageStatusChanged on " + record.topic());
                }
                status(status);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
    }

    void accepted(MessageAccepted accepted) {
        if (!IdempotencyKey.isNotificationKey(accepted.idempotencyKey())) {
            return; // a staff send or another service's message
        }
        if (accepted.wamid() == null || accepted.wamid().isBlank()) {
            throw new IllegalArgumentException("MessageAccepted " + accepted.id() + " has no wamid");
        }
        Optional<NotificationEntry> entry = notifications.accepted(accepted.idempotencyKey(), accepted.wamid(),
                accepted.form(), accepted.occurredAt() != null ? accepted.occurredAt() : clock.instant());
        if (entry.isEmpty()) {
            return; // another notifier's key (the reminder scheduler keeps its own log)
        }
        NotificationEntry known = entry.get();
        if (!REACHED_META.contains(known.state())) {
            return; // failed (a status came first) or not a send: the ERP must not believe it went out
        }
        if (known.erpToldAt() == null) {
            metrics.outcome(known.kind(), "accepted");
            dispatcher.publishAndWait(List.of(recorded(known)));
            notifications.erpTold(known.key(), clock.instant());
            metrics.erpTold(known.kind());
            log.info("Notification {} accepted by Meta as {}: ERP told", known.key(), known.wamid());
        }
    }

    void rejected(MessageRejected rejected) {
        if (!IdempotencyKey.isNotificationKey(rejected.idempotencyKey())) {
            return;
        }
        String help = rejected.helpText() != null && !rejected.helpText().isBlank() ? rejected.helpText()
                : MetaErrorHelp.helpText(rejected.errorCode());
        NotificationEntry.Failure failure = new NotificationEntry.Failure(rejected.errorCode(),
                MetaErrorHelp.title(rejected.errorCode(), rejected.errorTitle()), rejected.reason(), help,
                rejected.retryable());
        if (rejected.errorCode() == 0 && SENDER_OUTCOME_UNKNOWN.equalsIgnoreCase(rejected.errorTitle())) {
            notifications.outcomeUnknown(rejected.idempotencyKey(), failure, rejected.occurredAt() != null
                    ? rejected.occurredAt() : clock.instant()).ifPresent(entry -> {
                metrics.outcome(entry.kind(), "outcome_unknown");
                log.warn("Notification {}: the sender does not know whether Meta got it - {}", entry.key(), help);
            });
            return;
        }
        notifications.rejected(rejected.idempotencyKey(), failure,
                rejected.occurredAt() != null ? rejected.occurredAt() : clock.instant()).ifPresent(entry -> {
            metrics.outcome(entry.kind(), "rejected");
            log.warn("Notification {} rejected: {} {} - {}", entry.key(), failure.code(), failure.title(), help);
        });
    }

    /** The sender gave up waiting for a status: the notification stays OUTCOME_UNKNOWN, with the sender's advice. */
    void unresolved(MessageOutcomeUnresolved unresolved) {
        if (!IdempotencyKey.isNotificationKey(unresolved.idempotencyKey())) {
            return;
        }
        NotificationEntry.Failure failure = new NotificationEntry.Failure(0, "Outcome unresolved",
                unresolved.reason(), unresolved.helpText() != null ? unresolved.helpText()
                : "Check the customer's chat; an admin may send it again (resend) if it did not arrive.", false);
        notifications.outcomeUnknown(unresolved.idempotencyKey(), failure, unresolved.occurredAt() != null
                ? unresolved.occurredAt() : clock.instant()).ifPresent(entry -> metrics.outcome(entry.kind(),
                "outcome_unresolved"));
    }

    void status(MessageStatusChanged status) {
        String key = status.bizOpaqueCallbackData();
        if (!IdempotencyKey.isNotificationKey(key) || status.status() == null) {
            return;
        }
        NotificationState state = switch (status.status()) {
            case SENT -> NotificationState.SENT;
            case DELIVERED -> NotificationState.DELIVERED;
            case READ -> NotificationState.READ;
            case FAILED -> NotificationState.FAILED;
            default -> null;
        };
        if (state == null) {
            return;
        }
        NotificationEntry.Failure failure = null;
        if (state == NotificationState.FAILED && !status.errors().isEmpty()) {
            MetaError error = status.errors().getFirst();
            failure = new NotificationEntry.Failure(error.code(), MetaErrorHelp.title(error.code(), error.title()),
                    error.details() != null ? error.details() : error.message(), MetaErrorHelp.helpText(error.code()),
                    false);
        }
        Instant at = status.statusAt() != null ? status.statusAt() : status.occurredAt();
        if (notifications.status(key, status.wamid(), state, at, failure)) {
            notifications.find(key).ifPresent(entry -> metrics.outcome(entry.kind(), state.name()
                    .toLowerCase(java.util.Locale.ROOT)));
        }
    }

    NotificationRecorded recorded(NotificationEntry entry) {
        String id = UUID.nameUUIDFromBytes(("recorded:" + entry.key()).getBytes(StandardCharsets.UTF_8)).toString();
        return new NotificationRecorded(id, clock.instant(), entry.documentType(), entry.documentId(), entry.kind(),
                entry.acceptedAt(), entry.wamid(), entry.businessPhoneNumberId(), entry.recipientWaId());
    }

    private static TopicRecord readable(ConsumerRecord<String, TopicRecord> record) {
        if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
            throw new NonRetryableException("record on " + record.topic() + " cannot be read");
        }
        if (record.value() == null) {
            throw new NonRetryableException("empty record on " + record.topic());
        }
        return record.value();
    }
}
