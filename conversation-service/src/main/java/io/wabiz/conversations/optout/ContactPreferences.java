package io.wabiz.conversations.optout;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** Opt-outs per customer, written with single-document upserts. */
public class ContactPreferences {

    public static final String KEYWORD = "KEYWORD";
    public static final String ADMIN = "ADMIN";

    private final MongoTemplate mongo;

    public ContactPreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public ContactDocument of(String waId) {
        ContactDocument found = mongo.findById(waId, ContactDocument.class);
        return found != null ? found : ContactDocument.unknown(waId);
    }

    public Map<String, ContactDocument> of(Collection<String> waIds) {
        List<ContactDocument> found = mongo.find(query(where("_id").in(waIds)), ContactDocument.class);
        return found.stream().collect(Collectors.toMap(ContactDocument::id, Function.identity()));
    }

    public void optOut(String waId, String source, String by, Instant at) {
        change(waId, true, source, by, at);
    }

    public void optIn(String waId, String source, String by, Instant at) {
        change(waId, false, source, by, at);
    }

    public void marketingOptOut(String waId, Instant at) {
        mongo.upsert(query(where("_id").is(waId)),
                new Update().set("marketingOptOut", true).min("marketingOptOutAt", at)
                        .setOnInsert("optedOut", false),
                ContactDocument.class);
    }

    private void change(String waId, boolean optedOut, String source, String by, Instant at) {
        mongo.upsert(query(where("_id").is(waId)),
                new Update().set("optedOut", optedOut).set("optOutSource", source).set("optOutChangedAt", at)
                        .set("optOutChangedBy", by).setOnInsert("marketingOptOut", false),
                ContactDocument.class);
    }
}
