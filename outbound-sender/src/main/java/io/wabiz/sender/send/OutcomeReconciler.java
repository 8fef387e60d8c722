package io.wabiz.sender.send;

import io.wabiz.events.PhoneMasking;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.sender.RecordPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the sends whose outcome is unknown. Meta echoes the idempotency key in every status webhook
 * ({@code biz_opaque_callback_data}): the first status carrying the key of an unknown send makes it accepted,
 * with the status's wamid, and {@link MessageAccepted} is published (the history and the ERP notification
 * follow). Unknown sends that no status settled within {@code resolveWithin} are announced once as
 * {@link MessageOutcomeUnresolved}: staff or an automation may choose to resend them under a new key.
 */
public final class OutcomeReconciler {

    private static final Logger log = LoggerFactory.getLogger(OutcomeReconciler.class);
    private static final int SWEEP_BATCH = 500;

    private final SendLedger ledger;
    private final RecordPublisher publisher;
    private final SendMetrics metrics;
    private final Duration resolveWithin;
    private final Clock clock;

    public OutcomeReconciler(SendLedger ledger, RecordPublisher publisher, SendMetrics metrics, Duration resolveWithin,
                             Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.resolveWithin = resolveWithin;
        this.clock = clock;
    }

    /** A status webhook of a message we sent (any status: a failed one also means Meta took the message). */
    public void statusArrived(MessageStatusChanged status) {
        if (status.bizOpaqueCallbackData() == null || status.wamid() == null) {
            return;
        }
        statusSeen(status.bizOpaqueCallbackData(), status.wamid(),
                status.statusAt() != null ? status.statusAt() : status.occurredAt());
    }

    /** A status carried the key (maybe while its call was still running, {@code MessageSender} tells then). */
    void statusSeen(String idempotencyKey, String wamid, Instant at) {
        ledger.statusSeen(idempotencyKey, wamid, at).ifPresent(accepted -> {
            publisher.publish(accepted);
            ledger.acceptancePublished(idempotencyKey);
            metrics.outcomeReconciled(accepted.businessPhoneNumberId());
            log.info("Send {} to {} had an unknown outcome: a status webhook settles it as accepted, {}",
                    idempotencyKey, PhoneMasking.mask(accepted.recipientWaId()), accepted.wamid());
        });
    }

    /** Announces the unknown outcomes older than {@code resolveWithin}; returns how many it announced. */
    public int announceUnresolved() {
        Instant now = clock.instant();
        int announced = 0;
        for (SendLedger.Unknown unknown : ledger.unknownSince(now.minus(resolveWithin), SWEEP_BATCH)) {
            MessageRejected rejected = unknown.rejected();
            // the same event id however often it is announced (another replica, a retry after a failed mark)
            String id = UUID.nameUUIDFromBytes(("unresolved:" + unknown.idempotencyKey())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            publisher.publish(new MessageOutcomeUnresolved(id, now, rejected.commandId(), unknown.idempotencyKey(),
                    rejected.businessPhoneNumberId(), rejected.recipientWaId(), unknown.since(),
                    rejected.reason() + "; no status webhook carried its key within " + resolveWithin,
                    "The message may or may not have reached the customer. Check the conversation; resend it with a"
                            + " new idempotency key only if it did not arrive.",
                    rejected.content(), rejected.correlation()));
            if (ledger.unresolved(unknown.idempotencyKey())) {
                announced++;
                metrics.outcomeUnresolved(rejected.businessPhoneNumberId());
                log.warn("Send {} to {}: outcome still unknown after {}, announced as unresolved",
                        unknown.idempotencyKey(), PhoneMasking.mask(rejected.recipientWaId()), resolveWithin);
            }
        }
        return announced;
    }
}
