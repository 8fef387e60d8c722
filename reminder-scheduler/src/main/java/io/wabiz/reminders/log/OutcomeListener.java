package io.wabiz.reminders.log;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.reminders.run.ReminderMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The sender's outcomes of reminders ({@code whatsapp.outbound.events}, matched by idempotency key): an acceptance
 * marks the log entry ACCEPTED and, once, tells the ERP ({@code NotificationRecorded(UNPAID_REMINDER)} with the
 * level); a rejection is recorded with Meta's code and help text. Other services' outcomes are ignored.
 */
public class OutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);

    private final ReminderLog reminderLog;
    private final TopicPublisher publisher;
    private final ReminderMetrics metrics;
    private final Clock clock;
    private final Duration publishTimeout;

    public OutcomeListener(ReminderLog reminderLog, TopicPublisher publisher, ReminderMetrics metrics, Clock clock,
                           Duration publishTimeout) {
        this.reminderLog = reminderLog;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.publishTimeout = publishTimeout;
    }

    @KafkaListener(id = "reminders-outcomes", idIsGroup = false, topics = Topics.OUTBOUND_EVENTS,
            concurrency = "${reminders.listener-concurrency:1}")
    public void onOutcome(ConsumerRecord<String, TopicRecord> record) {
        switch (record.value()) {
            case MessageAccepted accepted when isReminder(accepted.idempotencyKey()) -> onAccepted(accepted);
            case MessageRejected rejected when isReminder(rejected.idempotencyKey()) -> onRejected(rejected);
            case null, default -> {
                // another service's message, or another kind of outcome
            }
        }
    }

    private void onAccepted(MessageAccepted accepted) {
        var acceptance = reminderLog.accepted(accepted, clock.instant());
        if (acceptance.isEmpty()) {
            log.warn("Accepted reminder {} is not in the reminder log; nothing recorded", accepted.idempotencyKey());
            return;
        }
        ReminderEntry entry = acceptance.get().entry();
        if (acceptance.get().firstTime()) {
            metrics.reminder(entry.level(), "accepted");
        }
        if (entry.erpNotified()) {
            return; // a redelivered acceptance: the ERP heard it already
        }
        NotificationRecorded recorded = new NotificationRecorded(recordedId(entry.key()), clock.instant(),
                ErpDocumentType.INVOICE, entry.invoiceId(), NotificationKind.UNPAID_REMINDER, accepted.occurredAt(),
                accepted.wamid(), accepted.businessPhoneNumberId(), accepted.recipientWaId(), entry.level());
        try {
            publisher.publish(recorded).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while telling the ERP", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("NotificationRecorded for " + entry.key() + " not acknowledged", e);
        }
        reminderLog.erpNotified(entry.key());
    }

    private void onRejected(MessageRejected rejected) {
        reminderLog.rejected(rejected, clock.instant()).ifPresentOrElse(entry -> {
            metrics.reminder(entry.level(), "rejected");
            log.warn("Reminder {} rejected ({} {}): {}", entry.key(), rejected.errorCode(), rejected.errorTitle(),
                    rejected.helpText());
        }, () -> log.info("Rejection of reminder {} ignored: accepted already, or not in the log",
                rejected.idempotencyKey()));
    }

    private static boolean isReminder(String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.startsWith("unpaid_reminder:")) {
            return false;
        }
        return IdempotencyKey.isNotificationKey(idempotencyKey)
                && IdempotencyKey.parse(idempotencyKey).kind() == NotificationKind.UNPAID_REMINDER;
    }

    /** The same acceptance always gives the same event id, so a republished NotificationRecorded is recognisable. */
    static String recordedId(String key) {
        return UUID.nameUUIDFromBytes(("NotificationRecorded:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
