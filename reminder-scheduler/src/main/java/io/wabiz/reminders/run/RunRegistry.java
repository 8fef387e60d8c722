package io.wabiz.reminders.run;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The daily runs ({@code reminder_runs} collection), one document per company and local day: started (how many
 * times, by which replica), completed or not, and what it did. A day whose run has not completed is run again by
 * the next check, on whichever replica holds the lock.
 */
public class RunRegistry {

    public static final String COLLECTION = "reminder_runs";

    public enum Status { RUNNING, COMPLETED, INTERRUPTED, FAILED }

    public enum Trigger { SCHEDULE, ADMIN }

    /** One company's run of one day. */
    public record RunRecord(String company, LocalDate day, Status status, int attempts, Instant startedAt,
                            Instant completedAt, String replica, Trigger trigger, RunCounts counts, String note) {
    }

    private final MongoCollection<Document> runs;

    public RunRegistry(MongoCollection<Document> runs) {
        this.runs = runs;
    }

    public void createIndexes() {
        runs.createIndex(Indexes.compoundIndex(Indexes.ascending("company"), Indexes.descending("day")));
        runs.createIndex(Indexes.descending("completedAt"));
    }

    public boolean completed(String company, LocalDate day) {
        Document run = runs.find(eq("_id", key(company, day))).projection(new Document("status", 1)).first();
        return run != null && Status.COMPLETED.name().equals(run.getString("status"));
    }

    public void started(String company, LocalDate day, String replica, Trigger trigger, Instant at) {
        runs.updateOne(eq("_id", key(company, day)), Updates.combine(Updates.set("company", company),
                Updates.set("day", day.toString()), Updates.set("status", Status.RUNNING.name()),
                Updates.set("startedAt", Date.from(at)), Updates.set("replica", replica),
                Updates.set("trigger", trigger.name()), Updates.inc("attempts", 1), Updates.unset("note")),
                new UpdateOptions().upsert(true));
    }

    public void finished(String company, LocalDate day, Status status, RunCounts counts, String note, Instant at) {
        runs.updateOne(eq("_id", key(company, day)), Updates.combine(Updates.set("status", status.name()),
                Updates.set(status == Status.COMPLETED ? "completedAt" : "stoppedAt", Date.from(at)),
                Updates.set("counts", counts.toDocument()), Updates.set("note", note)));
    }

    public Optional<RunRecord> find(String company, LocalDate day) {
        return Optional.ofNullable(runs.find(eq("_id", key(company, day))).first()).map(RunRegistry::read);
    }

    public List<RunRecord> recent(String company, int limit) {
        List<RunRecord> found = new ArrayList<>();
        runs.find(company == null ? new Document() : eq("company", company)).sort(Sorts.descending("day", "startedAt"))
                .limit(limit).forEach(d -> found.add(read(d)));
        return found;
    }

    /** When the latest completed run of a company finished (of any company when null). */
    public Optional<Instant> lastCompletion(String company) {
        Bson completed = eq("status", Status.COMPLETED.name());
        Document latest = runs.find(company == null ? completed : and(completed, eq("company", company)))
                .sort(Sorts.descending("completedAt")).limit(1).first();
        return Optional.ofNullable(latest).map(d -> d.getDate("completedAt").toInstant());
    }

    private static String key(String company, LocalDate day) {
        return company + "|" + day;
    }

    private static RunRecord read(Document d) {
        Date started = d.getDate("startedAt");
        Date completed = d.getDate("completedAt");
        String trigger = d.getString("trigger");
        return new RunRecord(d.getString("company"), LocalDate.parse(d.getString("day")),
                Status.valueOf(d.getString("status")), d.getInteger("attempts", 0),
                started == null ? null : started.toInstant(), completed == null ? null : completed.toInstant(),
                d.getString("replica"), trigger == null ? null : Trigger.valueOf(trigger),
                RunCounts.read(d.get("counts", Document.class)), d.getString("note"));
    }
}
