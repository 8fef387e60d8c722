package io.wabiz.odoo.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The {@code odoo_records} collection: one document per Odoo record seen, replaced after each decision. */
public final class RecordLedger {

    private final MongoTemplate mongo;

    public RecordLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public RecordEntry find(String documentId) {
        return mongo.findById(documentId, RecordEntry.class);
    }

    public Map<String, RecordEntry> find(Collection<String> documentIds) {
        Map<String, RecordEntry> found = new HashMap<>();
        if (documentIds.isEmpty()) {
            return found;
        }
        mongo.find(Query.query(Criteria.where("_id").in(documentIds)), RecordEntry.class)
                .forEach(entry -> found.put(entry.id(), entry));
        return found;
    }

    /** Saves the entries in one round trip (each a whole-document replace: atomic per record). */
    public void saveAll(List<RecordEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecordEntry.class);
        for (RecordEntry entry : entries) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(entry.id())), entry,
                    org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    public long count(String model) {
        return mongo.count(Query.query(Criteria.where("model").is(model)), RecordEntry.class);
    }
}
