package io.wabiz.reminders.pauses;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Reminders an admin paused, for one invoice or for every invoice of a partner ({@code pauses} collection, one
 * document per paused target). Resuming deletes it; the next run then sends the most advanced due level.
 */
public class Pauses {

    public static final String COLLECTION = "pauses";

    public enum Target { INVOICE, PARTNER }

    /** One pause: who asked, when and why. */
    public record Pause(Target target, String id, String by, Instant at, String note) {
    }

    /** The pauses in force, read once per run. */
    public record Snapshot(Set<String> invoices, Set<String> partners) {

        public boolean invoicePaused(String invoiceId) {
            return invoices.contains(invoiceId);
        }

        public boolean partnerPaused(String partnerId) {
            return partnerId != null && partners.contains(partnerId);
        }
    }

    private final MongoCollection<Document> pauses;
    private final Clock clock;

    public Pauses(MongoCollection<Document> pauses, Clock clock) {
        this.pauses = pauses;
        this.clock = clock;
    }

    /** Pauses {@code id}; pausing again keeps one pause with the latest note. */
    public Pause pause(Target target, String id, String by, String note) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("nothing to pause: no " + target.name().toLowerCase() + " id");
        }
        Pause pause = new Pause(target, id, by, clock.instant(), note);
        pauses.replaceOne(eq("_id", key(target, id)), new Document("_id", key(target, id))
                .append("target", target.name()).append("id", id).append("by", by)
                .append("at", Date.from(pause.at())).append("note", note), new ReplaceOptions().upsert(true));
        return pause;
    }

    /** Lifts a pause; returns whether there was one. */
    public boolean resume(Target target, String id) {
        return pauses.deleteOne(eq("_id", key(target, id))).getDeletedCount() > 0;
    }

    public Optional<Pause> find(Target target, String id) {
        return Optional.ofNullable(pauses.find(eq("_id", key(target, id))).first()).map(Pauses::read);
    }

    public List<Pause> all() {
        List<Pause> all = new ArrayList<>();
        pauses.find().forEach(d -> all.add(read(d)));
        return all;
    }

    public Snapshot snapshot() {
        List<Pause> all = all();
        return new Snapshot(ids(all, Target.INVOICE), ids(all, Target.PARTNER));
    }

    private static Set<String> ids(List<Pause> all, Target target) {
        return all.stream().filter(p -> p.target() == target).map(Pause::id).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(Target target, String id) {
        return target.name().toLowerCase() + ":" + id;
    }

    private static Pause read(Document d) {
        Date at = d.getDate("at");
        return new Pause(Target.valueOf(d.getString("target")), d.getString("id"), d.getString("by"),
                at == null ? null : at.toInstant(), d.getString("note"));
    }
}
