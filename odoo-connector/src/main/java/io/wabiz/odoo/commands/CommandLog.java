package io.wabiz.odoo.commands;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The applied-command ledger: single-document atomic writes (findAndModify upserts), no transactions needed. */
public final class CommandLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    public CommandLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public AppliedCommand find(String key) {
        return mongo.findById(key, AppliedCommand.class);
    }

    /** The entry of {@code key}, created IN_PROGRESS if new; counts an attempt. */
    public AppliedCommand begin(String key, String commandId, String type, String documentId) {
        Instant now = clock.instant();
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update()
                        .setOnInsert("commandId", commandId).setOnInsert("type", type)
                        .setOnInsert("documentId", documentId).setOnInsert("status", AppliedCommand.Status.IN_PROGRESS)
                        .setOnInsert("steps", List.of()).setOnInsert("createdAt", now).inc("attempts", 1)
                        .set("updatedAt", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), AppliedCommand.class);
    }

    public void step(String key, String step) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().addToSet("steps", step)
                .set("updatedAt", clock.instant()), AppliedCommand.class);
    }

    public void finish(String key, AppliedCommand.Status status, String outcome) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().set("status", status)
                .set("outcome", outcome).set("updatedAt", clock.instant()), AppliedCommand.class);
    }

    /** The commands about a document, newest first (for the status API). */
    public List<AppliedCommand> ofDocument(String documentId) {
        return new ArrayList<>(mongo.find(Query.query(Criteria.where("documentId").is(documentId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), AppliedCommand.class));
    }

    public List<AppliedCommand> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit),
                AppliedCommand.class);
    }
}
