package io.wabiz.notifier.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.notification.SkipReason;
import io.wabiz.notifier.mongo.BulkFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The notification log: one document per idempotency key, written with single-document atomic operations only
 * (inserts that fail on an existing key, updates conditioned on the state they leave). It is the notifier's
 * idempotency ledger: a key found here is never planned twice.
 */
public class NotificationLog {

    private final MongoTemplate mongo;

    public NotificationLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<NotificationEntry> find(String key) {
        return Optional.ofNullable(mongo.findById(key, NotificationEntry.class));
    }

    public Map<String, NotificationEntry> findAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(keys)), NotificationEntry.class).stream()
                .collect(Collectors.toMap(NotificationEntry::key, Function.identity()));
    }

    /** Inserts the entries whose keys are new; returns the keys that already existed (nothing written for them). */
    public Set<String> insertNew(List<NotificationEntry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        if (entries.size() == 1) {
            try {
                mongo.insert(entries.getFirst());
                return Set.of();
            } catch (DuplicateKeyException e) {
                return Set.of(entries.getFirst().key());
            }
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NotificationEntry.class);
        bulk.insert(entries);
        try {
            bulk.execute();
            return Set.of();
        } catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException e) {
            return existingOf(entries, e);
        }
    }

    private Set<String> existingOf(List<NotificationEntry> entries, RuntimeException failure) {
        Optional<Set<Integer>> duplicates = BulkFailures.duplicates(failure);
        if (duplicates.isPresent()) {
            Set<String> existing = new HashSet<>();
            duplicates.get().forEach(position -> existing.add(entries.get(position).key()));
            return existing;
        }
        // no per-entry detail: every key is there now (ours or another's); the PENDING ones are published, which
        // the sender, idempotent on the key, sends at most once
        Set<String> keys = entries.stream().map(NotificationEntry::key).collect(Collectors.toSet());
        return findAll(keys).keySet();
    }

    /** A waiting notification became a send or a skip; false when another instance decided it first. */
    public boolean decideWaiting(NotificationEntry decided) {
        Update update = new Update().set("state", decided.state()).set("stateRank", decided.state().rank())
                .set("skipReason", decided.skipReason()).set("businessPhoneNumberId", decided.businessPhoneNumberId())
                .set("recipientWaId", decided.recipientWaId()).set("commandId", decided.commandId())
                .set("updatedAt", decided.updatedAt());
        return mongo.updateFirst(query(where("_id").is(decided.key()).and("state")
                .is(NotificationState.WAITING_FOR_PARTNER)), update, NotificationEntry.class).getModifiedCount() > 0;
    }

    public List<NotificationEntry> waitingFor(String partnerId) {
        return mongo.find(query(where("partnerId").is(partnerId).and("state")
                .is(NotificationState.WAITING_FOR_PARTNER)), NotificationEntry.class);
    }

    /**
     * Meta accepted the message: the entry gets its wamid and form (first acceptance wins) and moves to ACCEPTED
     * unless a status already moved it further. Returns the entry after the update; empty for keys not in the log.
     */
    public Optional<NotificationEntry> accepted(String key, String wamid, SendForm form, Instant at) {
        Query sendNotYetAccepted = query(where("_id").is(key).and("state")
                .in(NotificationState.PENDING, NotificationState.OUTCOME_UNKNOWN));
        mongo.updateFirst(sendNotYetAccepted, new Update().set("state", NotificationState.ACCEPTED)
                .set("stateRank", NotificationState.ACCEPTED.rank()).set("updatedAt", at), NotificationEntry.class);
        Query known = query(where("_id").is(key).and("wamid").exists(false));
        mongo.updateFirst(known, new Update().set("wamid", wamid).set("form", form).set("acceptedAt", at),
                NotificationEntry.class);
        return find(key);
    }

    /** The sender refused it (or Meta did at once): FAILED with the help text, unless it was accepted already. */
    public Optional<NotificationEntry> rejected(String key, NotificationEntry.Failure failure, Instant at) {
        Query pending = query(where("_id").is(key).and("state").is(NotificationState.PENDING));
        return Optional.ofNullable(mongo.findAndModify(pending, new Update().set("state", NotificationState.FAILED)
                        .set("stateRank", NotificationState.FAILED.rank()).set("failure", failure).set("failedAt", at)
                        .set("updatedAt", at), FindAndModifyOptions.options().returnNew(true),
                NotificationEntry.class));
    }

    /**
     * The sender does not know whether Meta got the message: OUTCOME_UNKNOWN with what to do, until a status or a
     * late acceptance settles it. {@code unresolved} (the sender gave up waiting) only updates the advice.
     */
    public Optional<NotificationEntry> outcomeUnknown(String key, NotificationEntry.Failure failure, Instant at) {
        Query pendingOrUnknown = query(where("_id").is(key).and("state")
                .in(NotificationState.PENDING, NotificationState.OUTCOME_UNKNOWN));
        return Optional.ofNullable(mongo.findAndModify(pendingOrUnknown, new Update()
                        .set("state", NotificationState.OUTCOME_UNKNOWN)
                        .set("stateRank", NotificationState.OUTCOME_UNKNOWN.rank()).set("failure", failure)
                        .set("updatedAt", at), FindAndModifyOptions.options().returnNew(true),
                NotificationEntry.class));
    }

    /** The ERP has been told (NotificationRecorded published and acknowledged). */
    public void erpTold(String key, Instant at) {
        mongo.updateFirst(query(where("_id").is(key).and("erpToldAt").exists(false)),
                new Update().set("erpToldAt", at), NotificationEntry.class);
    }

    /**
     * A status from Meta: moves the entry forward only ({@code sent < delivered < read}; failed ends any send not yet
     * delivered), and keeps the first time of each status. Matched by key, else by wamid.
     */
    public boolean status(String key, String wamid, NotificationState status, Instant at,
                          NotificationEntry.Failure failure) {
        Criteria which = key != null ? where("_id").is(key) : where("wamid").is(wamid);
        String timeField = switch (status) {
            case SENT -> "sentAt";
            case DELIVERED -> "deliveredAt";
            case READ -> "readAt";
            case FAILED -> "failedAt";
            default -> throw new IllegalArgumentException("not a status: " + status);
        };
        mongo.updateFirst(query(new Criteria().andOperator(which, where(timeField).exists(false),
                        where("state").in(sendStates()))),
                new Update().set(timeField, at).set("updatedAt", at), NotificationEntry.class);
        Criteria movesForward = status == NotificationState.FAILED
                ? where("state").in(NotificationState.PENDING, NotificationState.OUTCOME_UNKNOWN,
                        NotificationState.ACCEPTED, NotificationState.SENT)
                : where("stateRank").lt(status.rank()).and("state").in(sendStates());
        Update update = new Update().set("state", status).set("stateRank", status.rank());
        if (failure != null) {
            update.set("failure", failure);
        }
        return mongo.updateFirst(query(new Criteria().andOperator(which, movesForward)), update,
                NotificationEntry.class).getModifiedCount() > 0;
    }

    private static List<NotificationState> sendStates() {
        return List.of(NotificationState.PENDING, NotificationState.OUTCOME_UNKNOWN, NotificationState.ACCEPTED,
                NotificationState.SENT, NotificationState.DELIVERED, NotificationState.READ);
    }

    /** A document's notifications, oldest first. */
    public List<NotificationEntry> forDocument(ErpDocumentType type, String documentId) {
        return mongo.find(query(where("documentType").is(type).and("documentId").is(documentId))
                .with(Sort.by("createdAt", "_id")), NotificationEntry.class);
    }

    /** Filters for the read API; null filters match everything. */
    public record Filter(ErpDocumentType documentType, String documentId, NotificationKind kind,
                         NotificationState state, SkipReason skipReason, String partnerId, Instant from, Instant to) {

        Query toQuery() {
            List<Criteria> criteria = new ArrayList<>();
            if (documentType != null) {
                criteria.add(where("documentType").is(documentType));
            }
            if (documentId != null) {
                criteria.add(where("documentId").is(documentId));
            }
            if (kind != null) {
                criteria.add(where("kind").is(kind));
            }
            if (state != null) {
                criteria.add(where("state").is(state));
            }
            if (skipReason != null) {
                criteria.add(where("skipReason").is(skipReason));
            }
            if (partnerId != null) {
                criteria.add(where("partnerId").is(partnerId));
            }
            if (from != null) {
                criteria.add(where("createdAt").gte(from));
            }
            if (to != null) {
                criteria.add(where("createdAt").lt(to));
            }
            return criteria.isEmpty() ? new Query() : query(new Criteria().andOperator(criteria));
        }
    }

    public List<NotificationEntry> search(Filter filter, int page, int size) {
        return mongo.find(filter.toQuery().with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
                .skip((long) page * size).limit(size), NotificationEntry.class);
    }

    public long count(Filter filter) {
        return mongo.count(filter.toQuery(), NotificationEntry.class);
    }
}
