package io.wabiz.sender.send;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.SendMessage;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * {@link SendLedger} in the {@code sends} collection; the idempotency key is the document id (unique).
 * Two writes per send sit on the hot path, so they use the driver's collection directly: the entries are
 * plain documents and need none of Spring Data's mapping.
 */
public class MongoSendLedger implements SendLedger {

    static final String COLLECTION = "sends";

    private final MongoCollection<Document> sends;

    public MongoSendLedger(MongoOperations mongo) {
        this.sends = mongo.getCollection(COLLECTION);
    }

    @Override
    public Optional<Earlier> begin(SendMessage command) {
        Document entry = new Document("_id", command.idempotencyKey())
                .append("commandId", command.id())
                .append("businessPhoneNumberId", command.businessPhoneNumberId())
                .append("recipientWaId", command.recipientWaId())
                .append("state", "IN_FLIGHT")
                .append("startedAt", new Date());
        try {
            sends.insertOne(entry);
            return Optional.empty();
        } catch (MongoWriteException alreadyThere) {
            if (alreadyThere.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw alreadyThere;
            }
            Document earlier = sends.find(Filters.eq("_id", command.idempotencyKey())).first();
            if (earlier == null) {
                throw alreadyThere;
            }
            String type = earlier.getString("outcomeType");
            String json = earlier.getString("outcome");
            TopicRecord outcome = type == null || json == null ? null
                    : EventJson.fromJson(json, TopicCatalogue.recordType(type).orElseThrow());
            return Optional.of(new Earlier(earlier.getString("commandId"), outcome));
        }
    }

    @Override
    public void complete(String idempotencyKey, TopicRecord outcome) {
        sends.updateOne(Filters.eq("_id", idempotencyKey), Updates.combine(
                Updates.set("state", "DONE"),
                Updates.set("finishedAt", new Date()),
                Updates.set("outcomeType", TopicCatalogue.typeName(outcome.getClass())),
                Updates.set("outcome", EventJson.toJson(outcome))));
    }

    @Override
    public void abandon(String idempotencyKey) {
        sends.deleteOne(Filters.and(Filters.eq("_id", idempotencyKey), Filters.eq("state", "IN_FLIGHT")));
    }
}
