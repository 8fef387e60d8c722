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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
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

    /** Checks what every consumed message must carry; a record without it cannot be stored. */
    public static void validate(InboundMessageReceived event) {
        required(event.wamid(), "wamid");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.customerWaId(), "customerWaId");
    }

    public static void validate(MessageStatusChanged event) {
        required(event.wamid(), "wamid");
        required(event.status(), "status");
    }

    public static void validate(MessageAccepted event) {
        required(event.wamid(), "wamid");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.recipientWaId(), "recipientWaId");
    }

    public static void validate(MessageRejected event) {
        required(event.idempotencyKey(), "idempotencyKey");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.recipientWaId(), "recipientWaId");
    }

    public Outcome recordInbound(InboundMessageReceived event) {
        return recordInbound(List.of(event)).getFirst();
    }

    /**
     * Stores customer messages in three round trips whatever their number: which are known, the
     * conversations' summaries, then the messages. Summaries first: if the process stops in between, the
     * redelivered batch repeats the (commutative) summary updates and then stores the messages.
     */
    public List<Outcome> recordInbound(List<InboundMessageReceived> events) {
        events.forEach(HistoryStore::validate);
        Map<String, MessageDocument> before = existing(events.stream().map(InboundMessageReceived::wamid).toList());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, Summary> summaries = new LinkedHashMap<>();
        BulkOperations messages = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MessageDocument.class);
        Set<String> seen = new HashSet<>();
        for (InboundMessageReceived event : events) {
            MessageDocument old = before.get(event.wamid());
            if ((old != null && old.known()) || !seen.add(event.wamid())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            MessageContent content = MessageContent.of(event.content());
            Instant at = event.sentAt() != null ? event.sentAt() : event.occurredAt();
            String conversationId = ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId());
            Update update = new Update()
                    .set("wamid", event.wamid()).set("conversationId", conversationId)
                    .set("businessPhoneNumberId", event.businessPhoneNumberId()).set("customerWaId", event.customerWaId())
                    .set("direction", Direction.INBOUND).set("type", content.type()).set("at", at)
                    .set("summarized", true);
            setIfPresent(update, "text", content.text());
            setIfPresent(update, "media", content.media());
            setIfPresent(update, "content", content.content());
            setIfPresent(update, "context", event.context());
            setIfPresent(update, "customerProfileName", event.customerProfileName());
            messages.upsert(byId(event.wamid()), update);
            summaries.computeIfAbsent(conversationId, id -> new Summary(id, event.businessPhoneNumberId(),
                            event.customerWaId()))
                    .add(new LastMessage(at, event.wamid(), Direction.INBOUND, content.type(), content.text()), true,
                            event.customerProfileName());
            outcomes.add(Outcome.STORED);
        }
        write(summaries, messages);
        return outcomes;
    }

    public Outcome recordStatus(MessageStatusChanged event) {
        return recordStatuses(List.of(event)).getFirst();
    }

    /**
     * Applies statuses with one update per message: {@code $max} of the status rank and {@code $min} of
     * each status's time, so order and repetition do not matter. A status for an unknown message
     * creates the message's document with only these fields, completed when the message arrives.
     */
    public List<Outcome> recordStatuses(List<MessageStatusChanged> events) {
        events.forEach(HistoryStore::validate);
        Map<String, MessageDocument> before = existing(events.stream().map(MessageStatusChanged::wamid).toList());
        Map<String, StatusState> states = new HashMap<>();
        Map<String, Update> updates = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (MessageStatusChanged event : events) {
            String wamid = event.wamid();
            DeliveryStatus status = event.status();
            Instant at = event.statusAt() != null ? event.statusAt() : event.occurredAt();
            StatusState state = states.computeIfAbsent(wamid, id -> StatusState.of(before.get(id)));
            outcomes.add(state.apply(status));
            Update update = updates.computeIfAbsent(wamid, id -> new Update().setOnInsert("wamid", id));
            update.max("statusRank", Math.max(StatusProgress.rank(status), state.batchRank));
            update.min("timeline." + status.name(), state.earliest(status, at));
            if (event.businessPhoneNumberId() != null && event.customerWaId() != null) {
                update.setOnInsert("conversationId", ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId()))
                        .setOnInsert("businessPhoneNumberId", event.businessPhoneNumberId())
                        .setOnInsert("customerWaId", event.customerWaId());
            }
            if (event.pricing() != null) {
                setIfPresent(update, "pricingCategory", event.pricing().category());
                update.set("billable", event.pricing().billable());
                state.pricingCategory = event.pricing().category();
            }
            if (status == DeliveryStatus.FAILED && !event.errors().isEmpty()) {
                MetaError error = event.errors().getFirst();
                update.set("error", new MessageError(error.code(), error.title(),
                        error.details() != null ? error.details() : error.message(),
                        ErrorHelp.of(error.code(), null, error.href()), error.href(), at));
            }
        }
        // a batch of repeated statuses (Meta retries webhooks) changes nothing: no write at all
        updates.keySet().removeIf(wamid -> states.get(wamid).changesNothing(before.get(wamid)));
        if (!updates.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MessageDocument.class);
            updates.forEach((wamid, update) -> bulk.upsert(byId(wamid), update));
            bulk.execute();
        }
        return outcomes;
    }

    public Outcome recordAccepted(MessageAccepted event) {
        return recordAccepted(List.of(event)).getFirst();
    }

    /**
     * Stores the messages Meta accepted under their wamid, taking over a staff send's pending document
     * (its time and id) and any statuses that arrived first.
     */
    public List<Outcome> recordAccepted(List<MessageAccepted> events) {
        events.forEach(HistoryStore::validate);
        Map<String, MessageDocument> before = existing(events.stream().map(MessageAccepted::wamid).toList());
        List<String> pendingIds = events.stream().map(MessageAccepted::idempotencyKey).filter(k -> k != null)
                .map(MessageDocument::pendingId).toList();
        Map<String, MessageDocument> pending = new HashMap<>();
        if (!pendingIds.isEmpty()) {
            Query pendingQuery = query(where("_id").in(pendingIds));
            pendingQuery.fields().include("at");
            mongo.find(pendingQuery, MessageDocument.class).forEach(p -> pending.put(p.id(), p));
        }
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, Summary> summaries = new LinkedHashMap<>();
        BulkOperations messages = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MessageDocument.class);
        Set<String> seen = new HashSet<>();
        for (MessageAccepted event : events) {
            MessageDocument old = before.get(event.wamid());
            boolean known = (old != null && old.known()) || !seen.add(event.wamid());
            MessageDocument pendingSend = event.idempotencyKey() == null ? null
                    : pending.get(MessageDocument.pendingId(event.idempotencyKey()));
            if (known && pendingSend == null) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            Instant at = pendingSend != null && pendingSend.at() != null ? pendingSend.at() : event.occurredAt();
            String conversationId = ConversationKey.of(event.businessPhoneNumberId(), event.recipientWaId());
            MessageContent content = MessageContent.of(event.content());
            Update update = new Update()
                    .set("wamid", event.wamid()).set("conversationId", conversationId)
                    .set("businessPhoneNumberId", event.businessPhoneNumberId())
                    .set("customerWaId", event.recipientWaId())
                    .set("direction", Direction.OUTBOUND).set("type", content.type())
                    .min("at", at).min("acceptedAt", event.occurredAt())
                    .max("statusRank", StatusProgress.rank(DeliveryStatus.PENDING))
                    .min("timeline." + DeliveryStatus.PENDING.name(), at)
                    .set("summarized", true);
            setIfPresent(update, "text", content.text());
            setIfPresent(update, "media", content.media());
            setIfPresent(update, "content", content.content());
            setIfPresent(update, "correlation", event.correlation());
            setIfPresent(update, "idempotencyKey", event.idempotencyKey());
            setIfPresent(update, "commandId", event.commandId());
            setIfPresent(update, "sendForm", event.form() == null ? null : event.form().name());
            setIfPresent(update, "replyToWamid", event.replyToWamid());
            messages.upsert(byId(event.wamid()), update);
            summaries.computeIfAbsent(conversationId, id -> new Summary(id, event.businessPhoneNumberId(),
                            event.recipientWaId()))
                    .add(new LastMessage(at, event.wamid(), Direction.OUTBOUND, content.type(), content.text()), false,
                            null);
            outcomes.add(known ? Outcome.DUPLICATE : Outcome.STORED);
        }
        write(summaries, messages);
        if (!pending.isEmpty()) {
            // the pending sends now live on under their wamids
            mongo.remove(query(where("_id").in(pending.keySet())), MessageDocument.class);
        }
        return outcomes;
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

    private Map<String, MessageDocument> existing(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = query(where("_id").in(new HashSet<>(ids)));
        query.fields().include("direction", "statusRank", "timeline", "summarized", "pricingCategory");
        Map<String, MessageDocument> found = new HashMap<>();
        mongo.find(query, MessageDocument.class).forEach(m -> found.put(m.id(), m));
        return found;
    }

    private void write(Map<String, Summary> summaries, BulkOperations messages) {
        if (summaries.isEmpty()) {
            return;
        }
        BulkOperations conversations = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ConversationDocument.class);
        summaries.values().forEach(summary -> conversations.upsert(byId(summary.conversationId), summary.update()));
        conversations.execute();
        messages.execute();
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }

    /** What a batch does to one conversation's summary, merged into one commutative update. */
    private final class Summary {

        private final String conversationId;
        private final String phoneNumberId;
        private final String waId;
        private Instant first;
        private LastMessage last;
        private Instant lastInbound;
        private final List<String> unread = new ArrayList<>();
        private String profileName;

        Summary(String conversationId, String phoneNumberId, String waId) {
            this.conversationId = conversationId;
            this.phoneNumberId = phoneNumberId;
            this.waId = waId;
        }

        void add(LastMessage message, boolean inbound, String customerProfileName) {
            first = first == null || message.at().isBefore(first) ? message.at() : first;
            if (last == null || message.at().isAfter(last.at())
                    || message.at().equals(last.at()) && message.messageId().compareTo(last.messageId()) > 0) {
                last = message;
            }
            if (inbound) {
                lastInbound = lastInbound == null || message.at().isAfter(lastInbound) ? message.at() : lastInbound;
                unread.add(message.messageId());
                if (customerProfileName != null) {
                    profileName = customerProfileName;
                }
            }
        }

        Update update() {
            org.bson.Document lastMessage = new org.bson.Document("at", last.at()) // compared first by $max
                    .append("messageId", last.messageId())
                    .append("direction", last.direction().name())
                    .append("type", last.type())
                    .append("text", last.text());
            Update update = new Update()
                    .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", waId)
                    .min("createdAt", first).max("lastActivityAt", last.at()).max("lastMessage", lastMessage);
            if (lastInbound != null) {
                update.max("lastInboundAt", lastInbound).max("windowOpenUntil", lastInbound.plus(customerWindow))
                        .addToSet("unreadWamids").each(unread.toArray());
                setIfPresent(update, "customerProfileName", profileName);
            }
            return update;
        }
    }

    /** Where one message stands while a batch of its statuses is applied, to tell each status's outcome. */
    private static final class StatusState {

        private final boolean known;
        private Integer rank;
        private final Map<String, Instant> reached = new HashMap<>();
        private int batchRank = -1;
        private final Map<String, Instant> batchTimes = new HashMap<>();
        private String pricingCategory;

        private StatusState(boolean known, Integer rank, Map<String, Instant> timeline) {
            this.known = known;
            this.rank = rank;
            if (timeline != null) {
                timeline.keySet().forEach(status -> reached.put(status, null));
            }
        }

        static StatusState of(MessageDocument document) {
            return document == null ? new StatusState(false, null, null)
                    : new StatusState(document.known(), document.statusRank(), document.timeline());
        }

        Outcome apply(DeliveryStatus status) {
            boolean repeated = reached.containsKey(status.name());
            boolean advances = StatusProgress.advances(status, rank);
            reached.putIfAbsent(status.name(), null);
            batchRank = Math.max(batchRank, StatusProgress.rank(status));
            rank = rank == null ? StatusProgress.rank(status) : Math.max(rank, StatusProgress.rank(status));
            if (repeated) {
                return Outcome.DUPLICATE;
            }
            if (!known) {
                return Outcome.EARLY;
            }
            return advances ? Outcome.ADVANCED : Outcome.LATE;
        }

        /** The earliest time of this status within the batch ($min would keep it anyway). */
        Instant earliest(DeliveryStatus status, Instant at) {
            Instant seen = reached.get(status.name());
            Instant earliest = seen == null || at.isBefore(seen) ? at : seen;
            reached.put(status.name(), earliest);
            batchTimes.merge(status.name(), earliest, (a, b) -> a.isBefore(b) ? a : b);
            return earliest;
        }

        /** True when the stored message already shows everything this batch says about it. */
        boolean changesNothing(MessageDocument stored) {
            if (stored == null || stored.statusRank() == null || stored.timeline() == null
                    || stored.statusRank() < batchRank) {
                return false;
            }
            for (Map.Entry<String, Instant> status : batchTimes.entrySet()) {
                Instant storedAt = stored.timeline().get(status.getKey());
                if (storedAt == null || storedAt.isAfter(status.getValue())) {
                    return false;
                }
            }
            return pricingCategory == null || pricingCategory.equals(stored.pricingCategory());
        }
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
