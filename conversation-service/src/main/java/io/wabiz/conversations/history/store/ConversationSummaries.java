package io.wabiz.conversations.history.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import io.wabiz.conversations.history.documents.ConversationDocument;
import io.wabiz.conversations.history.documents.ConversationDocument.LastMessage;
import io.wabiz.events.conversation.HandOffRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The conversations' summaries (last message, last activity, customer window, unread messages, waiting for
 * staff, the ids of its messages), the one
 * place they are written: whatever a batch or a single record does to a conversation is merged into one
 * commutative update ({@code $min}, {@code $max}, {@code $addToSet}), so order and repetition do not matter.
 */
public class ConversationSummaries {

    /**
     * Each conversation also keeps the ids of its messages, in the order they were stored, up to this many: the
     * pages of a conversation are read by id from them (HistoryQueries), not by a query over every message,
     * which the embedded MongoDB of the local stack and the tests answers by scanning the whole collection.
     * Past this many the list stops growing and the pages are read from the messages again.
     */
    public static final int KEPT_MESSAGE_IDS = 1_000;
    /** The ids (a message may appear twice after a redelivered batch; pending sends keep their {@code cmd:} id). */
    static final String MESSAGE_IDS = "messageIds";
    /** Set when the conversation is created: its {@link #MESSAGE_IDS} have every message it ever stored. */
    static final String MESSAGE_IDS_COMPLETE = "messageIdsComplete";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final MongoConverter converter;
    private final Duration customerWindow;

    public ConversationSummaries(MongoTemplate mongo, Duration customerWindow) {
        this.collection = mongo.getCollection(ConversationDocument.COLLECTION);
        this.converter = mongo.getConverter();
        this.customerWindow = customerWindow;
    }

    /** What a batch of records does to the conversations it touches, written by {@link Batch#write()}. */
    Batch batch() {
        return new Batch();
    }

    /** Staff saw the conversation: its customer messages are no longer unread. */
    public boolean markRead(String conversationId) {
        return collection.updateOne(Filters.eq("_id", conversationId),
                new Changes(converter).set("unreadWamids", List.of()).document()).getMatchedCount() > 0;
    }

    /**
     * Makes sure the conversation keeps a message's id (a staff send asked again with its key: the first request
     * may have stopped between storing the message and its summary). {@code $addToSet}: nothing twice.
     */
    public void keepMessageId(String conversationId, String phoneNumberId, String waId, String messageId) {
        collection.updateOne(Filters.eq("_id", conversationId), new Changes(converter)
                .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", waId)
                .setOnInsert(MESSAGE_IDS_COMPLETE, true).addToSet(MESSAGE_IDS, messageId).document(), UPSERT);
    }

    /**
     * The customer of {@code oldConversationId} now writes from another number (Meta's user_changed_number): the
     * new conversation lists the old one's messages with its own, and the old one points to the new one.
     */
    public void link(String oldConversationId, String newConversationId, String phoneNumberId, String newWaId) {
        collection.updateOne(Filters.eq("_id", newConversationId), new Changes(converter)
                .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", newWaId)
                .setOnInsert(MESSAGE_IDS_COMPLETE, true)
                .addToSet("previousConversationIds", oldConversationId).document(), UPSERT);
        collection.updateOne(Filters.eq("_id", oldConversationId),
                new Changes(converter).set("movedTo", newConversationId).document());
    }

    /**
     * The customer asked for a person (the scenario engine's hand-off): the conversation waits for staff until
     * staff write to the customer after {@code occurredAt}. {@code $max} keeps the latest request, so a
     * redelivered or older one changes nothing.
     */
    public Outcome handOffRequested(HandOffRequested request) {
        Document handOff = new Document("requestedAt", Date.from(request.occurredAt()))
                .append("requestedByWamid", request.requestedByWamid())
                .append("reason", request.reason())
                .append("source", request.source())
                .append("language", request.language())
                .append("expectedAnswerBy", request.expectedAnswerBy() == null ? null
                        : Date.from(request.expectedAnswerBy()))
                .append("partnerIds", request.partnerIds());
        UpdateResult result = collection.updateOne(Filters.eq("_id", request.key()), new Changes(converter)
                .setOnInsert("businessPhoneNumberId", request.businessPhoneNumberId())
                .setOnInsert("customerWaId", request.customerWaId())
                .setOnInsert(MESSAGE_IDS_COMPLETE, true)
                .max("handOff", handOff).document(), UPSERT);
        return result.getModifiedCount() > 0 || result.getUpsertedId() != null ? Outcome.STORED : Outcome.DUPLICATE;
    }

    final class Batch {

        private final Map<String, Summary> summaries = new LinkedHashMap<>();

        /** A message of the conversation; {@code inbound}: the customer's, which opens the window and is unread. */
        Batch add(String conversationId, String phoneNumberId, String waId, LastMessage message, boolean inbound,
                  String customerProfileName) {
            summaries.computeIfAbsent(conversationId, id -> new Summary(phoneNumberId, waId))
                    .add(message, inbound, customerProfileName);
            return this;
        }

        /** Staff wrote to the customer at {@code at}: a hand-off requested before then is answered. */
        Batch staffAnswered(String conversationId, String phoneNumberId, String waId, Instant at) {
            summaries.computeIfAbsent(conversationId, id -> new Summary(phoneNumberId, waId)).staffAnswered(at);
            return this;
        }

        boolean isEmpty() {
            return summaries.isEmpty();
        }

        void write() {
            if (summaries.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(summaries.size());
            summaries.forEach((id, summary) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    summary.changes().document(), UPSERT)));
            collection.bulkWrite(writes, UNORDERED);
        }
    }

    /** What a batch does to one conversation, merged. */
    private final class Summary {

        private final String phoneNumberId;
        private final String waId;
        private Instant first;
        private LastMessage last;
        private Instant lastInbound;
        private final List<String> unread = new ArrayList<>();
        private final List<String> messageIds = new ArrayList<>();
        private String profileName;
        private Instant staffAnsweredAt;

        Summary(String phoneNumberId, String waId) {
            this.phoneNumberId = phoneNumberId;
            this.waId = waId;
        }

        void add(LastMessage message, boolean inbound, String customerProfileName) {
            messageIds.add(message.messageId());
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

        void staffAnswered(Instant at) {
            staffAnsweredAt = staffAnsweredAt == null || at.isAfter(staffAnsweredAt) ? at : staffAnsweredAt;
        }

        Changes changes() {
            Changes changes = new Changes(converter)
                    .setOnInsert("businessPhoneNumberId", phoneNumberId).setOnInsert("customerWaId", waId)
                    .setOnInsert(MESSAGE_IDS_COMPLETE, true);
            if (!messageIds.isEmpty()) {
                changes.pushEach(MESSAGE_IDS, messageIds, KEPT_MESSAGE_IDS);
            }
            if (last != null) {
                changes.min("createdAt", first).max("lastActivityAt", last.at())
                        .max("lastMessage", lastMessageDocument(last));
            }
            if (staffAnsweredAt != null) {
                changes.max("staffAnsweredAt", staffAnsweredAt);
            }
            if (lastInbound != null) {
                changes.max("lastInboundAt", lastInbound)
                        .max("windowOpenUntil", lastInbound.plus(customerWindow))
                        .addToSetEach("unreadWamids", unread)
                        .setIfPresent("customerProfileName", profileName);
            }
            return changes;
        }
    }

    /** Field order matters: {@code $max} compares these documents by {@code at} first. */
    private static Document lastMessageDocument(LastMessage last) {
        return new Document("at", Date.from(last.at()))
                .append("messageId", last.messageId())
                .append("direction", last.direction().name())
                .append("type", last.type())
                .append("text", last.text());
    }
}
