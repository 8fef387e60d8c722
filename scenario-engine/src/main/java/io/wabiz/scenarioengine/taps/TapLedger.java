package io.wabiz.scenarioengine.taps;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The idempotency ledger of taps (collection {@code taps}, one document per wamid): a tap's plan is stored before
 * anything is published and marked done after. A redelivered tap whose plan is done does nothing; one whose plan
 * was stored but not finished (a crash) publishes the same records again, which changes nothing downstream (same
 * ids, same idempotency keys). Entries are kept for {@code retention} (Meta redelivers for days).
 */
public class TapLedger {

    private final MongoCollection<Document> taps;

    public TapLedger(MongoDatabase database, Duration retention) {
        this.taps = database.getCollection("taps");
        taps.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    /** A stored plan: its records, the conversation state it set, and whether it finished. */
    public record Entry(String wamid, boolean done, List<TopicRecord> records, Document state) {
    }

    public Map<String, Entry> find(Collection<String> wamids) {
        Map<String, Entry> found = new LinkedHashMap<>();
        if (wamids.isEmpty()) {
            return found;
        }
        taps.find(Filters.in("_id", wamids)).forEach(d -> found.put(d.getString("_id"), read(d)));
        return found;
    }

    /**
     * Stores the plans; returns the wamids another consumer stored first (they are theirs to finish). A state
     * document may be null.
     */
    public Set<String> store(List<Plan> plans, Map<String, Document> states) {
        if (plans.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = new ArrayList<>(plans.size());
        for (Plan plan : plans) {
            List<Document> records = new ArrayList<>(plan.records().size());
            for (TopicRecord record : plan.records()) {
                records.add(new Document("type", TopicCatalogue.typeName(record.getClass()))
                        .append("json", EventJson.toJson(record)));
            }
            documents.add(new Document("_id", plan.tap().wamid()).append("status", "PLANNED")
                    .append("at", Date.from(plan.tap().sentAt() == null ? Instant.now() : plan.tap().sentAt()))
                    .append("conversation", plan.tap().conversationKey()).append("action", plan.action())
                    .append("outcome", plan.outcome().name()).append("records", records)
                    .append("state", states.get(plan.tap().wamid())));
        }
        try {
            taps.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<String> taken = new HashSet<>();
            e.getWriteErrors().forEach(error -> {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(documents.get(error.getIndex()).getString("_id"));
            });
            return taken;
        }
    }

    public void markDone(Collection<String> wamids) {
        if (!wamids.isEmpty()) {
            taps.updateMany(Filters.in("_id", wamids), Updates.set("status", "DONE"));
        }
    }

    private static Entry read(Document d) {
        List<TopicRecord> records = new ArrayList<>();
        List<Document> stored = d.getList("records", Document.class);
        if (stored != null) {
            for (Document r : stored) {
                Class<? extends TopicRecord> type = TopicCatalogue.recordType(r.getString("type")).orElseThrow(() ->
                        new IllegalStateException("unknown record type in the tap ledger: " + r.getString("type")));
                records.add(EventJson.fromJson(r.getString("json"), type));
            }
        }
        return new Entry(d.getString("_id"), "DONE".equals(d.getString("status")), records, d.get("state", Document.class));
    }
}
