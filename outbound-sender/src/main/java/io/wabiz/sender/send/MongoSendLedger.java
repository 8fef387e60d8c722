package io.wabiz.sender.send;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * {@link SendLedger} in the {@code sends} collection; the idempotency key is the document id (unique).
 * A read and two writes per send sit on the hot path, so they use the driver's collection directly: the
 * entries are plain documents and need none of Spring Data's mapping. A status webhook costs one read by id
 * unless its send is still unsettled.
 *
 * <p>States: IN_FLIGHT (recorded before the call), DONE (outcome stored), UNKNOWN (cut off after writing),
 * UNRESOLVED (unknown and announced so), RECONCILED (unknown, then accepted by a status: the acceptance is
 * built from {@code acceptedIfSeen} and the status's wamid, under an event id chosen once).
 */
public class MongoSendLedger implements SendLedger {

    static final String COLLECTION = "sends";
    private static final String IN_FLIGHT = "IN_FLIGHT";
    private static final String DONE = "DONE";
    private static final String UNKNOWN = "UNKNOWN";
    private static final String UNRESOLVED = "UNRESOLVED";
    private static final String RECONCILED = "RECONCILED";

    private final MongoCollection<Document> sends;
    private final Clock clock;

    public MongoSendLedger(MongoOperations mongo, Clock clock) {
        this.sends = mongo.getCollection(COLLECTION);
        this.clock = clock;
        // only unknown outcomes have the field: the sweep for unresolved ones reads a small index (the embedded
        // server of tests and the local stack has no secondary indexes: it logs that it ignores it, and scans)
        sends.createIndex(Indexes.ascending("unknownSince"), new IndexOptions().sparse(true));
    }

    @Override
    public Optional<Earlier> earlier(String idempotencyKey) {
        return Optional.ofNullable(find(idempotencyKey)).map(MongoSendLedger::earlier);
    }

    @Override
    public Optional<Earlier> begin(SendMessage command, SendForm form) {
        return insert(entry(command, IN_FLIGHT).append("fallback", form == SendForm.FALLBACK_TEMPLATE));
    }

    @Override
    public Optional<Earlier> record(SendMessage command, TopicRecord outcome) {
        return insert(entry(command, DONE).append("finishedAt", now())
                .append("outcomeType", TopicCatalogue.typeName(outcome.getClass()))
                .append("outcome", EventJson.toJson(outcome)));
    }

    private Document entry(SendMessage command, String state) {
        return new Document("_id", command.idempotencyKey())
                .append("commandId", command.id())
                .append("businessPhoneNumberId", command.businessPhoneNumberId())
                .append("recipientWaId", command.recipientWaId())
                .append("state", state)
                .append("startedAt", now());
    }

    /** Inserts the entry unless the key is there already (unique {@code _id}): then returns what is there. */
    private Optional<Earlier> insert(Document entry) {
        try {
            sends.insertOne(entry);
            return Optional.empty();
        } catch (MongoWriteException alreadyThere) {
            if (alreadyThere.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw alreadyThere;
            }
            Document earlier = find(entry.getString("_id"));
            if (earlier == null) {
                throw alreadyThere;
            }
            return Optional.of(earlier(earlier));
        }
    }

    private static Earlier earlier(Document send) {
        return new Earlier(send.getString("commandId"), outcome(send), Boolean.TRUE.equals(send.getBoolean("fallback")));
    }

    @Override
    public void sendingFallback(String idempotencyKey) {
        sends.updateOne(Filters.and(byKey(idempotencyKey), Filters.eq("state", IN_FLIGHT)),
                Updates.set("fallback", true));
    }

    @Override
    public void complete(String idempotencyKey, TopicRecord outcome) {
        sends.updateOne(byKey(idempotencyKey), Updates.combine(
                Updates.set("state", DONE),
                Updates.set("finishedAt", now()),
                Updates.set("outcomeType", TopicCatalogue.typeName(outcome.getClass())),
                Updates.set("outcome", EventJson.toJson(outcome))));
    }

    @Override
    public void abandon(String idempotencyKey) {
        sends.deleteOne(Filters.and(byKey(idempotencyKey), Filters.eq("state", IN_FLIGHT)));
    }

    @Override
    public Optional<String> unknown(String idempotencyKey, MessageRejected unknown, MessageAccepted acceptedIfSeen) {
        Date now = now();
        Document after = sends.findOneAndUpdate(Filters.and(byKey(idempotencyKey), Filters.eq("state", IN_FLIGHT)),
                Updates.combine(
                        Updates.set("state", UNKNOWN),
                        Updates.set("finishedAt", now),
                        Updates.set("unknownSince", now),
                        Updates.set("outcomeType", TopicCatalogue.typeName(MessageRejected.class)),
                        Updates.set("outcome", EventJson.toJson(unknown)),
                        Updates.set("acceptedIfSeen", EventJson.toJson(acceptedIfSeen))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return after == null ? Optional.empty() : Optional.ofNullable(after.getString("seenWamid"));
    }

    @Override
    public Optional<MessageAccepted> statusSeen(String idempotencyKey, String wamid, Instant at) {
        Document send = find(idempotencyKey);
        if (send == null || DONE.equals(send.getString("state"))) {
            return Optional.empty();
        }
        if (!RECONCILED.equals(send.getString("state"))) {
            Bson unsettled = Filters.in("state", IN_FLIGHT, UNKNOWN, UNRESOLVED);
            sends.updateOne(Filters.and(byKey(idempotencyKey), unsettled, Filters.exists("seenWamid", false)),
                    Updates.combine(Updates.set("seenWamid", wamid), Updates.set("seenAt", Date.from(at))));
            Document settled = sends.findOneAndUpdate(Filters.and(byKey(idempotencyKey),
                            Filters.in("state", UNKNOWN, UNRESOLVED), Filters.exists("seenWamid", true)),
                    Updates.combine(
                            Updates.set("state", RECONCILED),
                            Updates.set("reconciledEventId", UUID.randomUUID().toString()),
                            Updates.set("reconciledAt", now())),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            send = settled != null ? settled : find(idempotencyKey);
        }
        boolean toPublish = send != null && RECONCILED.equals(send.getString("state"))
                && !Boolean.TRUE.equals(send.getBoolean("acceptancePublished"));
        return toPublish ? Optional.of(acceptance(send)) : Optional.empty();
    }

    @Override
    public void acceptancePublished(String idempotencyKey) {
        sends.updateOne(Filters.and(byKey(idempotencyKey), Filters.eq("state", RECONCILED)),
                Updates.set("acceptancePublished", true));
    }

    @Override
    public List<Unknown> unknownSince(Instant unknownBefore, int max) {
        List<Unknown> unknown = new ArrayList<>();
        for (Document send : sends.find(Filters.and(Filters.lt("unknownSince", Date.from(unknownBefore)),
                Filters.eq("state", UNKNOWN))).sort(Sorts.ascending("unknownSince")).limit(max)) {
            unknown.add(new Unknown(send.getString("_id"),
                    EventJson.fromJson(send.getString("outcome"), MessageRejected.class),
                    send.getDate("unknownSince").toInstant()));
        }
        return unknown;
    }

    @Override
    public boolean unresolved(String idempotencyKey) {
        return sends.updateOne(Filters.and(byKey(idempotencyKey), Filters.eq("state", UNKNOWN)), Updates.combine(
                Updates.set("state", UNRESOLVED), Updates.set("unresolvedAt", now()))).getModifiedCount() == 1;
    }

    /** What a redelivery republishes: the stored outcome, or the acceptance a status settled it with. */
    private static TopicRecord outcome(Document send) {
        if (RECONCILED.equals(send.getString("state"))) {
            return acceptance(send);
        }
        String type = send.getString("outcomeType");
        String json = send.getString("outcome");
        return type == null || json == null ? null
                : EventJson.fromJson(json, TopicCatalogue.recordType(type).orElseThrow());
    }

    private static MessageAccepted acceptance(Document send) {
        MessageAccepted pending = EventJson.fromJson(send.getString("acceptedIfSeen"), MessageAccepted.class);
        return new MessageAccepted(send.getString("reconciledEventId"), send.getDate("reconciledAt").toInstant(),
                pending.commandId(), pending.idempotencyKey(), pending.businessPhoneNumberId(),
                pending.recipientWaId(), send.getString("seenWamid"), pending.form(), pending.content(),
                pending.correlation(), pending.replyToWamid());
    }

    private Document find(String idempotencyKey) {
        return sends.find(byKey(idempotencyKey)).first();
    }

    private static Bson byKey(String idempotencyKey) {
        return Filters.eq("_id", idempotencyKey);
    }

    private Date now() {
        return Date.from(clock.instant());
    }
}
