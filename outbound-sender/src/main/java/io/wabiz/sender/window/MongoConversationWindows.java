package io.wabiz.sender.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** {@link ConversationWindows} in the {@code windows} collection, one document per conversation key. */
public class MongoConversationWindows implements ConversationWindows {

    static final String COLLECTION = "windows";

    private final MongoOperations mongo;
    private final Duration length;

    public MongoConversationWindows(MongoOperations mongo, Duration length) {
        this.mongo = mongo;
        this.length = length;
    }

    @Override
    public void customerWrote(String conversationKey, Instant at) {
        mongo.upsert(byKey(conversationKey), new Update().max("lastInboundAt", Date.from(at)), COLLECTION);
    }

    @Override
    public void close(String conversationKey, Instant at) {
        mongo.upsert(byKey(conversationKey), new Update().max("closedAt", Date.from(at)), COLLECTION);
    }

    @Override
    public boolean isOpen(String conversationKey, Instant now) {
        Document window = mongo.findById(conversationKey, Document.class, COLLECTION);
        if (window == null || window.getDate("lastInboundAt") == null) {
            return false;
        }
        Instant lastInbound = window.getDate("lastInboundAt").toInstant();
        Date closedAt = window.getDate("closedAt");
        boolean closedSince = closedAt != null && !closedAt.toInstant().isBefore(lastInbound);
        return !closedSince && lastInbound.plus(length).isAfter(now);
    }

    private static Query byKey(String conversationKey) {
        return Query.query(Criteria.where("_id").is(conversationKey));
    }
}
