package io.wabiz.notifier.orders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The order projections, written by compare-and-set on their revision: one order's events come from one Kafka
 * partition, so conflicts only happen when two instances briefly own it (a rebalance); the loser retries.
 */
public class OrderProjection {

    private final MongoTemplate mongo;

    public OrderProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Another instance wrote the order between our read and our write: the record is processed again. */
    public static final class ConcurrentUpdate extends RuntimeException {
        public ConcurrentUpdate(String orderId) {
            super("order " + orderId + " was changed concurrently; retrying");
        }
    }

    public Optional<OrderDocument> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, OrderDocument.class));
    }

    public Map<String, OrderDocument> findAll(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(orderIds)), OrderDocument.class).stream()
                .collect(Collectors.toMap(OrderDocument::id, Function.identity()));
    }

    /** Writes {@code next} if the stored revision is still {@code next.revision()}; returns the stored document. */
    public OrderDocument save(OrderDocument next, boolean existed) {
        OrderDocument written = new OrderDocument(next.id(), next.order(), next.orderAt(), next.stateSince(),
                next.createdVersion(), next.createdAt(), next.tap(), next.resends(), next.revision() + 1);
        if (!existed) {
            try {
                mongo.insert(written);
                return written;
            } catch (DuplicateKeyException e) {
                throw new ConcurrentUpdate(next.id());
            }
        }
        OrderDocument replaced = mongo.findAndReplace(query(where("_id").is(next.id()).and("revision")
                .is(next.revision())), written);
        if (replaced == null) {
            throw new ConcurrentUpdate(next.id());
        }
        return written;
    }

    /**
     * Writes a batch of projections in one round trip: new ones inserted, known ones replaced if their stored
     * revision is still the one read. Returns the documents as stored.
     */
    public Map<String, OrderDocument> saveAll(Map<String, OrderDocument> changed, Set<String> existed) {
        if (changed.isEmpty()) {
            return Map.of();
        }
        if (changed.size() == 1) {
            OrderDocument only = changed.values().iterator().next();
            return Map.of(only.id(), save(only, existed.contains(only.id())));
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OrderDocument.class);
        Map<String, OrderDocument> written = new LinkedHashMap<>();
        int inserts = 0;
        int replaces = 0;
        for (OrderDocument next : changed.values()) {
            OrderDocument stored = new OrderDocument(next.id(), next.order(), next.orderAt(), next.stateSince(),
                    next.createdVersion(), next.createdAt(), next.tap(), next.resends(), next.revision() + 1);
            written.put(next.id(), stored);
            if (existed.contains(next.id())) {
                bulk.replaceOne(query(where("_id").is(next.id()).and("revision").is(next.revision())), stored);
                replaces++;
            } else {
                bulk.insert(stored);
                inserts++;
            }
        }
        try {
            BulkWriteResult result = bulk.execute();
            if (result.getInsertedCount() != inserts || result.getMatchedCount() != replaces) {
                throw new ConcurrentUpdate(String.join(",", changed.keySet()));
            }
        } catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException e) {
            throw new ConcurrentUpdate(String.join(",", changed.keySet()));
        }
        return written;
    }

    /** The next resend number of {@code kind} for the order (1, 2, ...), counted atomically. */
    public int nextResend(String orderId, String kind) {
        OrderDocument updated = mongo.findAndModify(query(where("_id").is(orderId)),
                new Update().inc("resends." + kind, 1).inc("revision", 1),
                FindAndModifyOptions.options().returnNew(true), OrderDocument.class);
        if (updated == null) {
            throw new IllegalArgumentException("unknown order " + orderId);
        }
        return updated.resends().getOrDefault(kind, 1);
    }
}
