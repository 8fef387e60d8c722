package io.wabiz.conversations.history;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
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
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes the history with single-document, commutative updates only (MongoDB without transactions):
 * every record can arrive late, early or twice and the result is the same.
 *
 * <p>The batch paths fed by the topics write plain documents through the driver: mapping every update
 * through Spring Data's query and update mappers cost more than a third of the service's CPU at full
 * ingest. Field names and BSON types are the ones the read side's {@link MessageDocument} and
 * {@link ConversationDocument} map back; nested records go through Spring Data's converter, as before.
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

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;
    private final MongoConverter converter;
    private final MongoCollection<Document> messageCollection;
    private final MongoCollection<Document> conversationCollection;
    private final Duration customerWindow;

    public HistoryStore(MongoTemplate mongo, Duration customerWindow) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.messageCollection = mongo.getCollection(MessageDocument.COLLECTION);
        this.conversationCollection = mongo.getCollection(ConversationDocument.COLLECTION);
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
        Map<String, Stored> before = existing(events.stream().map(InboundMessageReceived::wamid).toList());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, Summary> summaries = new LinkedHashMap<>();
        List<WriteModel<Document>> messages = new ArrayList<>(events.size());
        Set<String> seen = new HashSet<>();
        for (InboundMessageReceived event : events) {
            Stored old = before.get(event.wamid());
            if ((old != null && old.known()) || !seen.add(event.wamid())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            MessageContent content = MessageContent.of(event.content());
            Instant at = event.sentAt() != null ? event.sentAt() : event.occurredAt();
            String conversationId = ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId());
            Changes update = new Changes()
                    .set("wamid", event.wamid()).set("conversationId", conversationId)
                    .set("businessPhoneNumberId", event.businessPhoneNumberId()).set("customerWaId", event.customerWaId())
                    .set("direction", Direction.INBOUND.name()).set("type", content.type()).set("at", date(at))
                    .set("summarized", true)
                    .setIfPresent("text", content.text())
                    .setIfPresent("media", stored(content.media()))
                    // plain maps and lists (a JSON tree): the driver encodes them as they are
                    .setIfPresent("content", content.content())
                    .setIfPresent("context", stored(event.context()))
                    .setIfPresent("customerProfileName", event.customerProfileName());
            messages.add(upsert(event.wamid(), update));
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
        Map<String, Stored> before = existing(events.stream().map(MessageStatusChanged::wamid).toList());
        Map<String, StatusState> states = new HashMap<>();
        Map<String, Changes> updates = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (MessageStatusChanged event : events) {
            String wamid = event.wamid();
            DeliveryStatus status = event.status();
            Instant at = event.statusAt() != null ? event.statusAt() : event.occurredAt();
            StatusState state = states.computeIfAbsent(wamid, id -> StatusState.of(before.get(id)));
            outcomes.add(state.apply(status));
            Stored stored = before.get(wamid);
            Changes update = updates.computeIfAbsent(wamid, id -> new Changes());
            update.max("statusRank", Math.max(StatusProgress.rank(status), state.batchRank));
            update.min("timeline." + status.name(), date(state.earliest(status, at)));
            // fields a stored document already has are left out: each one costs the store on every update
            if (stored == null) {
                update.setOnInsert("wamid", wamid);
            }
            if (stored == null && event.businessPhoneNumberId() != null && event.customerWaId() != null) {
                update.setOnInsert("conversationId", ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId()))
                        .setOnInsert("businessPhoneNumberId", event.businessPhoneNumberId())
                        .setOnInsert("customerWaId", event.customerWaId());
            }
            if (event.pricing() != null && !(stored != null
                    && Objects.equals(stored.pricingCategory(), event.pricing().category())
                    && Objects.equals(stored.billable(), event.pricing().billable()))) {
                update.setIfPresent("pricingCategory", event.pricing().category());
                update.set("billable", event.pricing().billable());
                state.pricingCategory = event.pricing().category();
            }
            if (status == DeliveryStatus.FAILED && !event.errors().isEmpty()) {
                MetaError error = event.errors().getFirst();
                update.set("error", stored(new MessageError(error.code(), error.title(),
                        error.details() != null ? error.details() : error.message(),
                        ErrorHelp.of(error.code(), null, error.href()), error.href(), at)));
            }
        }
        // a batch of repeated statuses (Meta retries webhooks) changes nothing: no write at all
        updates.keySet().removeIf(wamid -> states.get(wamid).changesNothing(before.get(wamid)));
        if (!updates.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
            updates.forEach((wamid, update) -> writes.add(upsert(wamid, update)));
            messageCollection.bulkWrite(writes, UNORDERED);
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
        Map<String, Stored> before = existing(events.stream().map(MessageAccepted::wamid).toList());
        List<String> pendingIds = events.stream().map(MessageAccepted::idempotencyKey).filter(k -> k != null)
                .map(MessageDocument::pendingId).toList();
        Map<String, Stored> pending = pendingIds.isEmpty() ? Map.of() : find(pendingIds, "at");
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Map<String, Summary> summaries = new LinkedHashMap<>();
        List<WriteModel<Document>> messages = new ArrayList<>(events.size());
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
            Changes update = new Changes()
                    .set("wamid", event.wamid()).set("conversationId", conversationId)
                    .set("businessPhoneNumberId", event.businessPhoneNumberId())
                    .set("customerWaId", event.recipientWaId())
                    .set("direction", Direction.OUTBOUND.name()).set("type", content.type())
                    .min("at", date(at)).min("acceptedAt", date(event.occurredAt()))
                    .max("statusRank", StatusProgress.rank(DeliveryStatus.PENDING))
                    .min("timeline." + DeliveryStatus.PENDING.name(), date(at))
                    .set("summarized", true)
                    .setIfPresent("text", content.text())
                    .setIfPresent("media", stored(content.media()))
                    // plain maps and lists (a JSON tree): the driver encodes them as they are
                    .setIfPresent("content", content.content())
                    .setIfPresent("correlation", stored(event.correlation()))
                    .setIfPresent("idempotencyKey", event.idempotencyKey())
                    .setIfPresent("commandId", event.commandId())
                    .setIfPresent("sendForm", event.form() == null ? null : event.form().name())
                    .setIfPresent("replyToWamid", event.replyToWamid());
            messages.add(upsert(event.wamid(), update));
            summaries.computeIfAbsent(conversationId, id -> new Summary(id, event.businessPhoneNumberId(),
                            event.recipientWaId()))
                    .add(new LastMessage(at, event.wamid(), Direction.OUTBOUND, content.type(), content.text()), false,
                            null);
            outcomes.add(known ? Outcome.DUPLICATE : Outcome.STORED);
        }
        write(summaries, messages);
        if (!pending.isEmpty()) {
            // the pending sends now live on under their wamids
            messageCollection.deleteMany(Filters.in("_id", pending.keySet()));
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
        Update update = new Update()
                .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", waId)
                .min("createdAt", last.at()).max("lastActivityAt", last.at())
                .max("lastMessage", lastMessageDocument(last));
        if (inbound) {
            update.max("lastInboundAt", last.at()).max("windowOpenUntil", last.at().plus(customerWindow))
                    .addToSet("unreadWamids", wamid);
            setIfPresent(update, "customerProfileName", profileName);
        }
        mongo.upsert(query(where("_id").is(conversationId)), update, ConversationDocument.class);
    }

    /** What a batch needs to know of a stored message: whether it is known, and how far its status went. */
    private record Stored(boolean known, Integer statusRank, Map<String, Instant> timeline, String pricingCategory,
                          Boolean billable, Instant at) {

        static Stored of(Document document) {
            Document timeline = document.get("timeline", Document.class);
            Map<String, Instant> times = null;
            if (timeline != null) {
                times = new HashMap<>();
                for (Map.Entry<String, Object> status : timeline.entrySet()) {
                    times.put(status.getKey(), status.getValue() instanceof Date d ? d.toInstant() : null);
                }
            }
            Date at = document.getDate("at");
            return new Stored(document.get("direction") != null, document.getInteger("statusRank"), times,
                    document.getString("pricingCategory"), document.getBoolean("billable"),
                    at == null ? null : at.toInstant());
        }
    }

    private Map<String, Stored> existing(List<String> ids) {
        return ids.isEmpty() ? Map.of() : find(ids, "direction", "statusRank", "timeline", "pricingCategory",
                "billable");
    }

    /** Only the fields asked for: the embedded store copies whole documents otherwise. */
    private Map<String, Stored> find(List<String> ids, String... fields) {
        Map<String, Stored> found = new HashMap<>();
        for (Document document : messageCollection.find(Filters.in("_id", new HashSet<>(ids)))
                .projection(Projections.include(fields))) {
            found.put(document.getString("_id"), Stored.of(document));
        }
        return found;
    }

    private void write(Map<String, Summary> summaries, List<WriteModel<Document>> messages) {
        if (summaries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> conversations = new ArrayList<>(summaries.size());
        summaries.values().forEach(summary -> conversations.add(upsert(summary.conversationId, summary.update())));
        conversationCollection.bulkWrite(conversations, UNORDERED);
        messageCollection.bulkWrite(messages, UNORDERED);
    }

    private static UpdateOneModel<Document> upsert(String id, Changes changes) {
        return new UpdateOneModel<>(Filters.eq("_id", id), changes.document, UPSERT);
    }

    /** A nested record or map as Spring Data stores it, so the read side maps it back unchanged. */
    private Object stored(Object value) {
        return value == null ? null : converter.convertToMongoType(value, TypeInformation.of(value.getClass()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** One update document, operator by operator ({@code $set}, {@code $min}, ...), encoded once by the driver. */
    private static final class Changes {

        private final Document document = new Document();

        private Changes operator(String operator, String field, Object value) {
            ((Document) document.computeIfAbsent(operator, name -> new Document())).append(field, value);
            return this;
        }

        Changes set(String field, Object value) {
            return operator("$set", field, value);
        }

        Changes setIfPresent(String field, Object value) {
            return value == null ? this : set(field, value);
        }

        Changes setOnInsert(String field, Object value) {
            return operator("$setOnInsert", field, value);
        }

        Changes min(String field, Object value) {
            return operator("$min", field, value);
        }

        Changes max(String field, Object value) {
            return operator("$max", field, value);
        }

        Changes addToSetEach(String field, List<?> values) {
            return operator("$addToSet", field, new Document("$each", values));
        }
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

        Changes update() {
            Changes update = new Changes()
                    .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", waId)
                    .min("createdAt", date(first)).max("lastActivityAt", date(last.at()))
                    .max("lastMessage", lastMessageDocument(last));
            if (lastInbound != null) {
                update.max("lastInboundAt", date(lastInbound))
                        .max("windowOpenUntil", date(lastInbound.plus(customerWindow)))
                        .addToSetEach("unreadWamids", unread)
                        .setIfPresent("customerProfileName", profileName);
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

        static StatusState of(Stored stored) {
            return stored == null ? new StatusState(false, null, null)
                    : new StatusState(stored.known(), stored.statusRank(), stored.timeline());
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
        boolean changesNothing(Stored stored) {
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

    /** Field order matters: {@code $max} compares these documents by {@code at} first. */
    private static Document lastMessageDocument(LastMessage last) {
        return new Document("at", date(last.at()))
                .append("messageId", last.messageId())
                .append("direction", last.direction().name())
                .append("type", last.type())
                .append("text", last.text());
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
