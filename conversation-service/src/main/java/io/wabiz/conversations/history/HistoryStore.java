package io.wabiz.conversations.history;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.conversations.history.ConversationDocument.LastMessage;
import io.wabiz.conversations.history.MessageDocument.MessageError;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes the history with single-document, commutative updates only (MongoDB without transactions):
 * every record can arrive late, early or twice and the result is the same.
 */
public class HistoryStore {

    /** What a record did to the history. */
    public enum Outcome {
        /** A message the history did not know. */
        STORED,
        /** Already known: nothing changed. */
        DUPLICATE,
        /** A status that moved its message forward. */
        ADVANCED,
        /** A status older than what the message already shows (kept in the timeline only). */
        LATE,
        /** A status for a message not known yet: kept, and shown once the message arrives. */
        EARLY
    }

    private final MongoTemplate mongo;
    private final Duration customerWindow;

    public HistoryStore(MongoTemplate mongo, Duration customerWindow) {
        this.mongo = mongo;
        this.customerWindow = customerWindow;
    }

    public Outcome recordInbound(InboundMessageReceived event) {
        String wamid = required(event.wamid(), "wamid");
        String phoneNumberId = required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        String waId = required(event.customerWaId(), "customerWaId");
        MessageContent content = MessageContent.of(event.content());
        Instant at = event.sentAt() != null ? event.sentAt() : event.occurredAt();
        String conversationId = ConversationKey.of(phoneNumberId, waId);
        Update update = new Update()
                .set("wamid", wamid).set("conversationId", conversationId)
                .set("businessPhoneNumberId", phoneNumberId).set("customerWaId", waId)
                .set("direction", Direction.INBOUND).set("type", content.type()).set("at", at)
                .setOnInsert("timeline", new org.bson.Document());
        setIfPresent(update, "text", content.text());
        setIfPresent(update, "media", content.media());
        setIfPresent(update, "content", content.content());
        setIfPresent(update, "context", event.context());
        setIfPresent(update, "customerProfileName", event.customerProfileName());
        MessageDocument before = upsertReturningOld(wamid, update);
        if (before != null && before.known() && Boolean.TRUE.equals(before.summarized())) {
            return Outcome.DUPLICATE;
        }
        summarize(conversationId, phoneNumberId, waId,
                new LastMessage(at, wamid, Direction.INBOUND, content.type(), content.text()),
                true, wamid, event.customerProfileName());
        markSummarized(wamid);
        return before != null && before.known() ? Outcome.DUPLICATE : Outcome.STORED;
    }

    public Outcome recordStatus(MessageStatusChanged event) {
        String wamid = required(event.wamid(), "wamid");
        DeliveryStatus status = required(event.status(), "status");
        Instant at = event.statusAt() != null ? event.statusAt() : event.occurredAt();
        int rank = StatusProgress.rank(status);
        Update update = new Update().max("statusRank", rank).min("timeline." + status.name(), at)
                .setOnInsert("wamid", wamid);
        if (event.businessPhoneNumberId() != null && event.customerWaId() != null) {
            update.setOnInsert("conversationId", ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId()))
                    .setOnInsert("businessPhoneNumberId", event.businessPhoneNumberId())
                    .setOnInsert("customerWaId", event.customerWaId());
        }
        if (event.pricing() != null) {
            setIfPresent(update, "pricingCategory", event.pricing().category());
            update.set("billable", event.pricing().billable());
        }
        if (status == DeliveryStatus.FAILED) {
            MetaError error = event.errors().isEmpty() ? null : event.errors().getFirst();
            if (error != null) {
                update.set("error", new MessageError(error.code(), error.title(),
                        error.details() != null ? error.details() : error.message(),
                        ErrorHelp.of(error.code(), null, error.href()), error.href(), at));
            }
        }
        MessageDocument before = upsertReturningOld(wamid, update);
        if (before == null || !before.known()) {
            return before != null && before.timeline() != null && before.timeline().containsKey(status.name())
                    ? Outcome.DUPLICATE : Outcome.EARLY;
        }
        if (before.timeline() != null && before.timeline().containsKey(status.name())) {
            return Outcome.DUPLICATE;
        }
        return StatusProgress.advances(status, before.statusRank()) ? Outcome.ADVANCED : Outcome.LATE;
    }

    public Outcome recordAccepted(MessageAccepted event) {
        String wamid = required(event.wamid(), "wamid");
        String phoneNumberId = required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        String waId = required(event.recipientWaId(), "recipientWaId");
        String conversationId = ConversationKey.of(phoneNumberId, waId);
        MessageDocument pending = event.idempotencyKey() == null ? null
                : mongo.findById(MessageDocument.pendingId(event.idempotencyKey()), MessageDocument.class);
        Instant at = pending != null && pending.at() != null ? pending.at() : event.occurredAt();
        MessageContent content = MessageContent.of(event.content());
        Update update = new Update()
                .set("wamid", wamid).set("conversationId", conversationId)
                .set("businessPhoneNumberId", phoneNumberId).set("customerWaId", waId)
                .set("direction", Direction.OUTBOUND).set("type", content.type())
                .min("at", at).min("acceptedAt", event.occurredAt())
                .max("statusRank", StatusProgress.rank(DeliveryStatus.PENDING))
                .min("timeline." + DeliveryStatus.PENDING.name(), at);
        setIfPresent(update, "text", content.text());
        setIfPresent(update, "media", content.media());
        setIfPresent(update, "content", content.content());
        setIfPresent(update, "correlation", event.correlation());
        setIfPresent(update, "idempotencyKey", event.idempotencyKey());
        setIfPresent(update, "commandId", event.commandId());
        setIfPresent(update, "sendForm", event.form() == null ? null : event.form().name());
        setIfPresent(update, "replyToWamid", event.replyToWamid());
        MessageDocument before = upsertReturningOld(wamid, update);
        if (pending != null) {
            // the pending send now lives on under its wamid
            mongo.remove(query(where("_id").is(pending.id())), MessageDocument.class);
        }
        if (before != null && before.known() && Boolean.TRUE.equals(before.summarized())) {
            return Outcome.DUPLICATE;
        }
        summarize(conversationId, phoneNumberId, waId,
                new LastMessage(at, wamid, Direction.OUTBOUND, content.type(), content.text()), false, wamid, null);
        markSummarized(wamid);
        return before != null && before.known() ? Outcome.DUPLICATE : Outcome.STORED;
    }

    public Outcome recordRejected(MessageRejected event) {
        String key = required(event.idempotencyKey(), "idempotencyKey");
        String phoneNumberId = required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        String waId = required(event.recipientWaId(), "recipientWaId");
        String conversationId = ConversationKey.of(phoneNumberId, waId);
        String id = MessageDocument.pendingId(key);
        Instant at = event.occurredAt();
        MessageContent content = MessageContent.of(event.content());
        Update update = new Update()
                .set("conversationId", conversationId).set("businessPhoneNumberId", phoneNumberId)
                .set("customerWaId", waId).set("direction", Direction.OUTBOUND).set("idempotencyKey", key)
                .min("at", at).max("statusRank", StatusProgress.rank(DeliveryStatus.FAILED))
                .min("timeline." + DeliveryStatus.FAILED.name(), at)
                .set("error", new MessageError(event.errorCode(), event.errorTitle(), event.reason(),
                        ErrorHelp.of(event.errorCode(), event.helpText(), null), null, at));
        if (event.content() != null) {
            update.set("type", content.type());
            setIfPresent(update, "text", content.text());
            setIfPresent(update, "media", content.media());
            setIfPresent(update, "content", content.content());
        } else {
            update.setOnInsert("type", "unknown");
        }
        setIfPresent(update, "correlation", event.correlation());
        setIfPresent(update, "commandId", event.commandId());
        MessageDocument before = upsertReturningOld(id, update);
        if (before != null && before.known() && Boolean.TRUE.equals(before.summarized())) {
            return before.statusRank() != null && before.statusRank() == StatusProgress.rank(DeliveryStatus.FAILED)
                    ? Outcome.DUPLICATE : Outcome.ADVANCED;
        }
        summarize(conversationId, phoneNumberId, waId,
                new LastMessage(at, id, Direction.OUTBOUND, content.type(), content.text()), false, null, null);
        markSummarized(id);
        return Outcome.STORED;
    }

    /** What happened to a staff send: newly recorded as pending, or already asked for with the same key. */
    public record PendingSend(boolean created, MessageDocument existing) {
    }

    /**
     * Records a staff send as PENDING under its idempotency key before its command is published, or
     * finds the message an earlier request with the same key produced.
     */
    public PendingSend recordPendingSend(SendMessage command, Instant at, String requestFingerprint) {
        String key = command.idempotencyKey();
        Optional<MessageDocument> accepted = Optional.ofNullable(mongo.findOne(
                query(where("idempotencyKey").is(key).and("wamid").ne(null)), MessageDocument.class));
        if (accepted.isPresent()) {
            return new PendingSend(false, accepted.get());
        }
        MessageContent content = MessageContent.of(command.content());
        String id = MessageDocument.pendingId(key);
        Update update = new Update()
                .setOnInsert("conversationId", command.conversationKey())
                .setOnInsert("businessPhoneNumberId", command.businessPhoneNumberId())
                .setOnInsert("customerWaId", command.recipientWaId())
                .setOnInsert("direction", Direction.OUTBOUND).setOnInsert("type", content.type())
                .setOnInsert("at", at).setOnInsert("statusRank", StatusProgress.rank(DeliveryStatus.PENDING))
                .setOnInsert("timeline", new org.bson.Document(DeliveryStatus.PENDING.name(), at))
                .setOnInsert("idempotencyKey", key).setOnInsert("commandId", command.id())
                .setOnInsert("requestFingerprint", requestFingerprint)
                .setOnInsert("summarized", true);
        setOnInsertIfPresent(update, "text", content.text());
        setOnInsertIfPresent(update, "media", content.media());
        setOnInsertIfPresent(update, "content", content.content());
        setOnInsertIfPresent(update, "correlation", command.correlation());
        setOnInsertIfPresent(update, "replyToWamid", command.replyToWamid());
        MessageDocument before = upsertReturningOld(id, update);
        if (before != null) {
            return new PendingSend(false, before);
        }
        summarize(command.conversationKey(), command.businessPhoneNumberId(), command.recipientWaId(),
                new LastMessage(at, id, Direction.OUTBOUND, content.type(), content.text()), false, null, null);
        return new PendingSend(true, null);
    }

    /** Staff saw the conversation: its customer messages are no longer unread. */
    public boolean markConversationRead(String conversationId) {
        return mongo.updateFirst(query(where("_id").is(conversationId)), new Update().set("unreadWamids", List.of()),
                ConversationDocument.class).getMatchedCount() > 0;
    }

    private void summarize(String conversationId, String phoneNumberId, String waId, LastMessage last,
                           boolean inbound, String wamid, String profileName) {
        org.bson.Document lastMessage = new org.bson.Document("at", last.at()) // compared first by $max
                .append("messageId", last.messageId())
                .append("direction", last.direction().name())
                .append("type", last.type())
                .append("text", last.text());
        Update update = new Update()
                .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", waId)
                .min("createdAt", last.at()).max("lastActivityAt", last.at()).max("lastMessage", lastMessage);
        if (inbound) {
            update.max("lastInboundAt", last.at()).max("windowOpenUntil", last.at().plus(customerWindow))
                    .addToSet("unreadWamids", wamid);
            setIfPresent(update, "customerProfileName", profileName);
        }
        mongo.upsert(query(where("_id").is(conversationId)), update, ConversationDocument.class);
    }

    private MessageDocument upsertReturningOld(String id, Update update) {
        return mongo.findAndModify(query(where("_id").is(id)), update, options().upsert(true).returnNew(false),
                MessageDocument.class);
    }

    private void markSummarized(String id) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("summarized", true), MessageDocument.class);
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    private static void setOnInsertIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.setOnInsert(field, value);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("record has no " + field);
        }
        return value;
    }
}
