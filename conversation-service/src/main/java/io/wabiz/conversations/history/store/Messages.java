package io.wabiz.conversations.history.store;

import com.mongodb.client.MongoCollection;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.MessageContent;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.wabiz.conversations.history.documents.MessageDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The {@code messages} collection as the writers use it, through the driver: what a batch needs to know of
 * the messages it touches, and single-document upserts. Field names and BSON types are the ones
 * {@link MessageDocument} maps back.
 */
final class Messages {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final FindOneAndUpdateOptions UPSERT_RETURNING_OLD = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.BEFORE);

    /** What a batch needs to know of a stored message: whether it is known, and how far its status went. */
    record Stored(boolean known, Integer statusRank, Map<String, Instant> timeline, String pricingCategory,
                  Boolean billable, Instant at, String requestFingerprint) {

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
                    at == null ? null : at.toInstant(), document.getString("requestFingerprint"));
        }
    }

    private final MongoCollection<Document> collection;
    private final MongoConverter converter;

    Messages(MongoTemplate mongo) {
        this.collection = mongo.getCollection(MessageDocument.COLLECTION);
        this.converter = mongo.getConverter();
    }

    Changes changes() {
        return new Changes(converter);
    }

    /** The fields every stored message has: who wrote what, in which conversation; callers add their own. */
    Changes message(String wamid, String conversationId, String businessPhoneNumberId, String customerWaId,
                    Direction direction, MessageContent content) {
        return changes()
                .set("wamid", wamid).set("conversationId", conversationId)
                .set("businessPhoneNumberId", businessPhoneNumberId).set("customerWaId", customerWaId)
                .set("direction", direction).set("type", content.type()).set("summarized", true)
                .setIfPresent("text", content.text())
                .setIfPresent("media", content.media())
                .setIfPresent("content", content.content());
    }

    /** The messages of {@code ids} already stored, with what the batch writers compare against. */
    Map<String, Stored> existing(Collection<String> ids) {
        return find(ids, "direction", "statusRank", "timeline", "pricingCategory", "billable");
    }

    /** Only the fields asked for: the embedded store copies whole documents otherwise. */
    Map<String, Stored> find(Collection<String> ids, String... fields) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> found = new HashMap<>();
        for (Document document : collection.find(Filters.in("_id", new HashSet<>(ids)))
                .projection(Projections.include(fields))) {
            found.put(document.getString("_id"), Stored.of(document));
        }
        return found;
    }

    /** The message Meta accepted under the idempotency key of a send, if any. */
    Optional<MessageDocument> acceptedUnder(String idempotencyKey) {
        Document found = collection.find(Filters.and(Filters.eq("idempotencyKey", idempotencyKey),
                Filters.ne("wamid", null))).first();
        return Optional.ofNullable(found).map(document -> converter.read(MessageDocument.class, document));
    }

    /** An update of the message {@code id}, created when missing. */
    record Upsert(String id, Changes changes) {
    }

    /** The upserts in one unordered round trip: each is commutative, so their order does not matter. */
    void upsertAll(List<Upsert> upserts) {
        if (upserts.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(upserts.size());
        for (Upsert upsert : upserts) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", upsert.id()), upsert.changes().document(), UPSERT));
        }
        collection.bulkWrite(writes, UNORDERED);
    }

    /** Upserts one message and returns it as it was before (null when it did not exist). */
    MessageDocument upsertReturningOld(String id, Changes changes) {
        Document before = collection.findOneAndUpdate(Filters.eq("_id", id), changes.document(), UPSERT_RETURNING_OLD);
        return before == null ? null : converter.read(MessageDocument.class, before);
    }

    void update(String id, Changes changes) {
        collection.updateOne(Filters.eq("_id", id), changes.document());
    }

    void deleteAll(Collection<String> ids) {
        if (!ids.isEmpty()) {
            collection.deleteMany(Filters.in("_id", ids));
        }
    }
}
