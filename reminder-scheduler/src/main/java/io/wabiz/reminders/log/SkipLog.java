package io.wabiz.reminders.log;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Reminders that were due but stopped by a rule ({@code reminder_skips} collection): one document per invoice,
 * level and due date with the latest reason, when it was first and last seen, and how many runs saw it. A skip does
 * not take the level: once the reason is gone (the partner opts in again, the pause is lifted) the next run sends
 * the most advanced due level.
 */
public class SkipLog {

    public static final String COLLECTION = "reminder_skips";

    private final MongoCollection<Document> skips;

    public SkipLog(MongoCollection<Document> skips) {
        this.skips = skips;
    }

    public void createIndexes() {
        skips.createIndex(Indexes.ascending("invoiceId"));
    }

    /** One stopped reminder, as a run saw it. */
    public record Skip(String key, String invoiceId, String company, int level, LocalDate dueDate, String reason,
                       String explanation, LocalDate runDay, Instant firstAt, Instant lastAt, int runs) {
    }

    public void record(List<Skip> seen, Instant at) {
        if (seen.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(seen.size());
        for (Skip skip : seen) {
            writes.add(new UpdateOneModel<>(eq("_id", skip.key()), Updates.combine(
                    Updates.setOnInsert("firstAt", Date.from(at)), Updates.set("lastAt", Date.from(at)),
                    Updates.set("invoiceId", skip.invoiceId()), Updates.set("company", skip.company()),
                    Updates.set("level", skip.level()), Updates.set("dueDate", skip.dueDate().toString()),
                    Updates.set("reason", skip.reason()), Updates.set("explanation", skip.explanation()),
                    Updates.set("runDay", skip.runDay().toString()), Updates.inc("runs", 1)),
                    new UpdateOptions().upsert(true)));
        }
        skips.bulkWrite(writes);
    }

    public List<Skip> byInvoice(String invoiceId) {
        List<Skip> found = new ArrayList<>();
        skips.find(eq("invoiceId", invoiceId)).sort(Sorts.descending("lastAt")).forEach(d -> found.add(new Skip(
                d.getString("_id"), d.getString("invoiceId"), d.getString("company"), d.getInteger("level"),
                LocalDate.parse(d.getString("dueDate")), d.getString("reason"), d.getString("explanation"),
                LocalDate.parse(d.getString("runDay")), d.getDate("firstAt").toInstant(),
                d.getDate("lastAt").toInstant(), d.getInteger("runs", 0))));
        return found;
    }
}
