package io.wabiz.scenarioengine.definitions;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Definitions in MongoDB: immutable versions ({@code definition_versions}, id {@code kind:id:version}, unique, so
 * two administrators saving at once cannot both make version 4), a head per definition ({@code definitions}: its
 * current version and whether it is enabled), the audit of every change ({@code definition_audit}) and a revision
 * counter the registry of every replica polls. Each write is one single-document operation.
 */
public class DefinitionStore {

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> audit;
    private final MongoCollection<Document> revision;

    public DefinitionStore(MongoDatabase database) {
        this.heads = database.getCollection("definitions");
        this.versions = database.getCollection("definition_versions");
        this.audit = database.getCollection("definition_audit");
        this.revision = database.getCollection("definition_revision");
        versions.createIndex(Indexes.ascending("kind", "definitionId", "version"));
        audit.createIndex(Indexes.descending("at"));
        audit.createIndex(Indexes.ascending("kind", "definitionId"));
    }

    /** A version number taken by someone else meanwhile: the caller saved on top of an older current version. */
    public static final class VersionConflict extends RuntimeException {
        public VersionConflict(String message) {
            super(message);
        }
    }

    public record AuditEntry(Instant at, String user, String operation, DefinitionKind kind, String definitionId,
                             Integer version, Integer previousVersion, String comment) {
    }

    private static String headId(DefinitionKind kind, String id) {
        return kind.name() + ":" + id;
    }

    /** Saves {@code definition} as the next version of its id and makes it current (enabled when new). */
    public Versioned<Object> save(Object definition, String user, String operation, String comment, Instant now) {
        DefinitionKind kind = DefinitionKind.of(definition);
        String id = DefinitionKind.idOf(definition);
        Optional<Document> head = head(kind, id);
        int previous = head.map(h -> h.getInteger("currentVersion")).orElse(0);
        int version = previous + 1;
        Document body = Document.parse(DefinitionJson.write(definition));
        try {
            versions.insertOne(new Document("_id", headId(kind, id) + ":" + version).append("kind", kind.name())
                    .append("definitionId", id).append("version", version).append("body", body)
                    .append("savedBy", user).append("savedAt", Date.from(now)).append("comment", comment));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new VersionConflict(kind.name().toLowerCase() + " '" + id + "' version " + version
                        + " was saved by someone else meanwhile: read it and save again");
            }
            throw e;
        }
        Document updated = heads.findOneAndUpdate(Filters.eq("_id", headId(kind, id)), Updates.combine(
                        Updates.max("currentVersion", version), Updates.setOnInsert("enabled", true),
                        Updates.set("kind", kind.name()), Updates.set("definitionId", id),
                        Updates.set("updatedBy", user), Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        audit(now, user, operation, kind, id, version, previous == 0 ? null : previous, comment);
        bumpRevision();
        return new Versioned<>(definition, version, Boolean.TRUE.equals(updated.getBoolean("enabled")), now, user);
    }

    /** Enables or disables a definition; false when it does not exist. */
    public boolean setEnabled(DefinitionKind kind, String id, boolean enabled, String user, Instant now) {
        Document updated = heads.findOneAndUpdate(Filters.eq("_id", headId(kind, id)), Updates.combine(
                Updates.set("enabled", enabled), Updates.set("updatedBy", user), Updates.set("updatedAt", Date.from(now))));
        if (updated == null) {
            return false;
        }
        if (!Boolean.valueOf(enabled).equals(updated.getBoolean("enabled"))) {
            audit(now, user, enabled ? "ENABLE" : "DISABLE", kind, id, updated.getInteger("currentVersion"), null, null);
            bumpRevision();
        }
        return true;
    }

    public Optional<Document> head(DefinitionKind kind, String id) {
        return Optional.ofNullable(heads.find(Filters.eq("_id", headId(kind, id))).first());
    }

    /** Every definition's current version, with its enabled flag. */
    public Definitions current() {
        Map<String, Versioned<ButtonBinding>> bindings = new HashMap<>();
        Map<String, Versioned<ScenarioDefinition>> scenarios = new HashMap<>();
        List<Document> all = heads.find().into(new ArrayList<>());
        List<String> versionIds = all.stream().map(h -> h.getString("_id") + ":" + h.getInteger("currentVersion"))
                .toList();
        Map<String, Document> bodies = new HashMap<>();
        if (!versionIds.isEmpty()) {
            versions.find(Filters.in("_id", versionIds)).forEach(v -> bodies.put(v.getString("_id"), v));
        }
        for (Document head : all) {
            Document version = bodies.get(head.getString("_id") + ":" + head.getInteger("currentVersion"));
            if (version == null) {
                continue; // a save interrupted between its version and its head: the previous head still holds
            }
            boolean enabled = Boolean.TRUE.equals(head.getBoolean("enabled"));
            DefinitionKind kind = DefinitionKind.valueOf(head.getString("kind"));
            Versioned<Object> versioned = versioned(version, kind, enabled);
            if (kind == DefinitionKind.ACTION) {
                bindings.put(head.getString("definitionId"), cast(versioned));
            } else {
                scenarios.put(head.getString("definitionId"), cast(versioned));
            }
        }
        return new Definitions(bindings, scenarios);
    }

    @SuppressWarnings("unchecked")
    private static <T> Versioned<T> cast(Versioned<Object> versioned) {
        return (Versioned<T>) versioned;
    }

    public List<Versioned<Object>> versions(DefinitionKind kind, String id) {
        boolean enabled = head(kind, id).map(h -> Boolean.TRUE.equals(h.getBoolean("enabled"))).orElse(false);
        List<Versioned<Object>> found = new ArrayList<>();
        versions.find(Filters.and(Filters.eq("kind", kind.name()), Filters.eq("definitionId", id)))
                .sort(Sorts.ascending("version")).forEach(v -> found.add(versioned(v, kind, enabled)));
        return found;
    }

    public Optional<Versioned<Object>> version(DefinitionKind kind, String id, int version) {
        boolean enabled = head(kind, id).map(h -> Boolean.TRUE.equals(h.getBoolean("enabled"))).orElse(false);
        return Optional.ofNullable(versions.find(Filters.eq("_id", headId(kind, id) + ":" + version)).first())
                .map(v -> versioned(v, kind, enabled));
    }

    private static Versioned<Object> versioned(Document version, DefinitionKind kind, boolean enabled) {
        Object definition = DefinitionJson.read(version.get("body", Document.class).toJson(), kind.type());
        return new Versioned<>(definition, version.getInteger("version"), enabled,
                version.getDate("savedAt").toInstant(), version.getString("savedBy"));
    }

    private void audit(Instant at, String user, String operation, DefinitionKind kind, String id, Integer version,
                       Integer previous, String comment) {
        audit.insertOne(new Document("at", Date.from(at)).append("user", user).append("operation", operation)
                .append("kind", kind.name()).append("definitionId", id).append("version", version)
                .append("previousVersion", previous).append("comment", comment));
    }

    /** The audit, newest first, optionally for one definition or one user. */
    public List<AuditEntry> audit(DefinitionKind kind, String id, String user, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (kind != null) {
            filters.add(Filters.eq("kind", kind.name()));
        }
        if (id != null) {
            filters.add(Filters.eq("definitionId", id));
        }
        if (user != null) {
            filters.add(Filters.eq("user", user));
        }
        FindIterable<Document> found = audit.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("at")).skip(page * size).limit(size);
        List<AuditEntry> entries = new ArrayList<>();
        found.forEach(d -> entries.add(new AuditEntry(d.getDate("at").toInstant(), d.getString("user"),
                d.getString("operation"), DefinitionKind.valueOf(d.getString("kind")), d.getString("definitionId"),
                d.getInteger("version"), d.getInteger("previousVersion"), d.getString("comment"))));
        return entries;
    }

    public long revision() {
        Document d = revision.find(Filters.eq("_id", "revision")).first();
        return d == null ? 0 : ((Number) d.get("value")).longValue();
    }

    private void bumpRevision() {
        revision.updateOne(Filters.eq("_id", "revision"), Updates.inc("value", 1L), new UpdateOptions().upsert(true));
    }
}
