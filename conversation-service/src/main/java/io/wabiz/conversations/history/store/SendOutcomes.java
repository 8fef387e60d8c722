package io.wabiz.conversations.history.store;

import io.wabiz.conversations.history.documents.ConversationDocument.LastMessage;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.ErrorHelp;
import io.wabiz.conversations.history.documents.MessageContent;
import io.wabiz.conversations.history.documents.MessageDocument;
import io.wabiz.conversations.history.documents.MessageDocument.MessageError;
import io.wabiz.conversations.history.documents.StatusProgress;
import io.wabiz.conversations.history.store.Messages.Stored;
import io.wabiz.conversations.history.store.Messages.Upsert;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * What became of the business' sends: asked for by staff (PENDING under {@code cmd:<idempotency key>} before
 * the command is published), accepted by Meta (moved to the wamid, also after an "outcome unknown"), rejected
 * (FAILED with what to do), or left unresolved (the outcome stayed unknown: staff may resend).
 */
public class SendOutcomes {

    /** A staff send as the history knows it, under its idempotency key. */
    public record SendRecord(String messageId, String commandId, String conversationId, String wamid,
                             DeliveryStatus status, String requestFingerprint) {

        /** Asked for, and neither accepted nor refused yet: publishing its command again is safe. */
        public boolean awaitingOutcome() {
            return wamid == null && status == DeliveryStatus.PENDING;
        }

        static SendRecord of(MessageDocument message) {
            return new SendRecord(message.id(), message.commandId(), message.conversationId(), message.wamid(),
                    message.status(), message.requestFingerprint());
        }
    }

    /** What happened to a staff send: newly recorded as pending, or already asked for with the same key. */
    public record PendingSend(boolean created, SendRecord existing) {
    }

    /** The sender's platform code and title of a send whose outcome is unknown. */
    static final int UNKNOWN_OUTCOME_CODE = 0;
    static final String UNKNOWN_OUTCOME = "Outcome unknown";

    private final Messages messages;
    private final ConversationSummaries summaries;

    SendOutcomes(Messages messages, ConversationSummaries summaries) {
        this.messages = messages;
        this.summaries = summaries;
    }

    /**
     * Records a staff send as PENDING under its idempotency key before its command is published, or
     * finds the message an earlier request with the same key produced.
     *
     * @param answersCustomer staff wrote to this customer in person (a send or a reply, not a bulk send): a
     *                        hand-off requested before {@code at} is answered
     */
    public PendingSend recordPending(SendMessage command, Instant at, String requestFingerprint,
                                     boolean answersCustomer) {
        String key = command.idempotencyKey();
        Optional<MessageDocument> accepted = messages.acceptedUnder(key);
        if (accepted.isPresent()) {
            return new PendingSend(false, SendRecord.of(accepted.get()));
        }
        MessageContent content = MessageContent.of(command.content());
        String id = MessageDocument.pendingId(key);
        Changes update = messages.changes()
                .setOnInsert("conversationId", command.conversationKey())
                .setOnInsert("businessPhoneNumberId", command.businessPhoneNumberId())
                .setOnInsert("customerWaId", command.recipientWaId())
                .setOnInsert("direction", Direction.OUTBOUND).setOnInsert("type", content.type())
                .setOnInsert("at", at).setOnInsert("statusRank", StatusProgress.rank(DeliveryStatus.PENDING))
                .setOnInsert("timeline", new Document(DeliveryStatus.PENDING.name(), java.util.Date.from(at)))
                .setOnInsert("idempotencyKey", key).setOnInsert("commandId", command.id())
                .setOnInsert("requestFingerprint", requestFingerprint)
                .setOnInsert("summarized", true)
                .setOnInsertIfPresent("text", content.text())
                .setOnInsertIfPresent("media", content.media())
                .setOnInsertIfPresent("content", content.content())
                .setOnInsertIfPresent("correlation", command.correlation())
                .setOnInsertIfPresent("replyToWamid", command.replyToWamid());
        MessageDocument before = messages.upsertReturningOld(id, update);
        if (before != null) {
            summaries.keepMessageId(command.conversationKey(), command.businessPhoneNumberId(),
                    command.recipientWaId(), id);
            return new PendingSend(false, SendRecord.of(before));
        }
        ConversationSummaries.Batch conversation = summaries.batch().add(command.conversationKey(),
                command.businessPhoneNumberId(), command.recipientWaId(),
                new LastMessage(at, id, Direction.OUTBOUND, content.type(), content.text()), false, null);
        if (answersCustomer) {
            conversation.staffAnswered(command.conversationKey(), command.businessPhoneNumberId(),
                    command.recipientWaId(), at);
        }
        conversation.write();
        return new PendingSend(true, null);
    }

    public Outcome recordAccepted(MessageAccepted event) {
        return recordAccepted(List.of(event)).getFirst();
    }

    /**
     * Stores the messages Meta accepted under their wamid, taking over a staff send's pending document
     * (its time, id and request fingerprint) and any statuses that arrived first.
     */
    public List<Outcome> recordAccepted(List<MessageAccepted> events) {
        events.forEach(RecordChecks::check);
        Map<String, Stored> before = messages.existing(events.stream().map(MessageAccepted::wamid).toList());
        List<String> pendingIds = events.stream().map(MessageAccepted::idempotencyKey).filter(k -> k != null)
                .map(MessageDocument::pendingId).toList();
        Map<String, Stored> pending = messages.find(pendingIds, "at", "requestFingerprint");
        List<Outcome> outcomes = new ArrayList<>(events.size());
        ConversationSummaries.Batch conversations = summaries.batch();
        List<Upsert> writes = new ArrayList<>(events.size());
        Set<String> seen = new HashSet<>();
        for (MessageAccepted event : events) {
            Stored old = before.get(event.wamid());
            boolean known = (old != null && old.known()) || !seen.add(event.wamid());
            Stored pendingSend = event.idempotencyKey() == null ? null
                    : pending.get(MessageDocument.pendingId(event.idempotencyKey()));
            if (known && pendingSend == null) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            Instant at = pendingSend != null && pendingSend.at() != null ? pendingSend.at() : event.occurredAt();
            String conversationId = ConversationKey.of(event.businessPhoneNumberId(), event.recipientWaId());
            MessageContent content = MessageContent.of(event.content());
            Changes update = messages.changes()
                    .set("wamid", event.wamid()).set("conversationId", conversationId)
                    .set("businessPhoneNumberId", event.businessPhoneNumberId())
                    .set("customerWaId", event.recipientWaId())
                    .set("direction", Direction.OUTBOUND).set("type", content.type())
                    .min("at", at).min("acceptedAt", event.occurredAt())
                    .max("statusRank", StatusProgress.rank(DeliveryStatus.PENDING))
                    .min("timeline." + DeliveryStatus.PENDING.name(), at)
                    .set("summarized", true)
                    .setIfPresent("text", content.text())
                    .setIfPresent("media", content.media())
                    .setIfPresent("content", content.content())
                    .setIfPresent("correlation", event.correlation())
                    .setIfPresent("idempotencyKey", event.idempotencyKey())
                    .setIfPresent("commandId", event.commandId())
                    .setIfPresent("sendForm", event.form())
                    .setIfPresent("replyToWamid", event.replyToWamid())
                    .setIfPresent("requestFingerprint", pendingSend == null ? null : pendingSend.requestFingerprint());
            writes.add(new Upsert(event.wamid(), update));
            conversations.add(conversationId, event.businessPhoneNumberId(), event.recipientWaId(),
                    new LastMessage(at, event.wamid(), Direction.OUTBOUND, content.type(), content.text()), false, null);
            outcomes.add(known ? Outcome.DUPLICATE : Outcome.STORED);
        }
        conversations.write();
        messages.upsertAll(writes);
        // the pending sends now live on under their wamids
        messages.deleteAll(pending.keySet());
        return outcomes;
    }

    /**
     * A send that failed: FAILED under its {@code cmd:} id, with Meta's error and what to do about it. A rejection
     * for a key Meta is known to have accepted (an "outcome unknown" settled later, whatever the order the two
     * arrive in) changes nothing: the message is the accepted one.
     */
    public Outcome recordRejected(MessageRejected event) {
        RecordChecks.check(event);
        return recordFailure(event.idempotencyKey(), event.businessPhoneNumberId(), event.recipientWaId(),
                event.occurredAt(), new MessageError(event.errorCode(), event.errorTitle(), event.reason(),
                        ErrorHelp.of(event.errorCode(), event.helpText(), null), null, event.occurredAt()),
                event.content(), event.correlation(), event.commandId(), null);
    }

    /**
     * A send whose outcome stayed unknown past the sender's reconciliation time: FAILED "Outcome unknown", and
     * since when, so that staff can decide to resend it (under a new key). A later acceptance still wins.
     */
    public Outcome recordUnresolved(MessageOutcomeUnresolved event) {
        RecordChecks.check(event);
        return recordFailure(event.idempotencyKey(), event.businessPhoneNumberId(), event.recipientWaId(),
                event.unknownSince() != null ? event.unknownSince() : event.occurredAt(),
                new MessageError(UNKNOWN_OUTCOME_CODE, UNKNOWN_OUTCOME, event.reason(),
                        ErrorHelp.of(UNKNOWN_OUTCOME_CODE, event.helpText(), null), null, event.occurredAt()),
                event.content(), event.correlation(), event.commandId(),
                event.unknownSince() != null ? event.unknownSince() : event.occurredAt());
    }

    private Outcome recordFailure(String key, String phoneNumberId, String waId, Instant at, MessageError error,
                                  OutboundContent sent, Correlation correlation, String commandId,
                                  Instant unresolvedSince) {
        if (messages.acceptedUnder(key).isPresent()) {
            return Outcome.DUPLICATE;
        }
        String conversationId = ConversationKey.of(phoneNumberId, waId);
        String id = MessageDocument.pendingId(key);
        MessageContent content = MessageContent.of(sent);
        Changes update = messages.changes()
                .set("conversationId", conversationId).set("businessPhoneNumberId", phoneNumberId)
                .set("customerWaId", waId).set("direction", Direction.OUTBOUND)
                .set("idempotencyKey", key)
                .min("at", at).max("statusRank", StatusProgress.rank(DeliveryStatus.FAILED))
                .min("timeline." + DeliveryStatus.FAILED.name(), at)
                .set("error", error);
        if (sent != null) {
            update.set("type", content.type())
                    .setIfPresent("text", content.text())
                    .setIfPresent("media", content.media())
                    .setIfPresent("content", content.content());
        } else {
            update.setOnInsert("type", "unknown");
        }
        update.setIfPresent("correlation", correlation).setIfPresent("commandId", commandId)
                .setIfPresent("unresolvedSince", unresolvedSince);
        MessageDocument before = messages.upsertReturningOld(id, update);
        if (before != null && before.known() && Boolean.TRUE.equals(before.summarized())) {
            boolean alreadyFailed = before.status() == DeliveryStatus.FAILED
                    && (unresolvedSince == null || before.unresolvedSince() != null);
            return alreadyFailed ? Outcome.DUPLICATE : Outcome.ADVANCED;
        }
        summaries.batch().add(conversationId, phoneNumberId, waId,
                new LastMessage(at, id, Direction.OUTBOUND, content.type(), content.text()), false, null).write();
        messages.update(id, messages.changes().set("summarized", true));
        return Outcome.STORED;
    }
}
