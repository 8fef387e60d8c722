package io.wabiz.sender.send;

import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.SendMessage;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** {@link SendLedger} in the {@code sends} collection; the idempotency key is the document id (unique). */
public class MongoSendLedger implements SendLedger {

    static final String COLLECTION = "sends";

    private final MongoOperations mongo;

    public MongoSendLedger(MongoOperations mongo) {
        this.mongo = mongo;
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
            mongo.insert(entry, COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException alreadyThere) {
            Document earlier = mongo.findById(command.idempotencyKey(), Document.class, COLLECTION);
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
        mongo.updateFirst(Query.query(Criteria.where("_id").is(idempotencyKey)), new Update()
                .set("state", "DONE")
                .set("finishedAt", new Date())
                .set("outcomeType", TopicCatalogue.typeName(outcome.getClass()))
                .set("outcome", EventJson.toJson(outcome)), COLLECTION);
    }

    @Override
    public void abandon(String idempotencyKey) {
        mongo.remove(Query.query(Criteria.where("_id").is(idempotencyKey).and("state").is("IN_FLIGHT")), COLLECTION);
    }
}
