package io.wabiz.notifier.orders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteResult;
import io.wabiz.notifier.mongo.BulkFailures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * What a batch write did.
     *
     * @param stored       the documents as written
     * @param alreadyThere the orders written as new that MongoDB already had (nothing written for them): the caller
     *                     reads them and applies its events again
     */
    public record Written(Map<String, OrderDocument> stored, Set<String> alreadyThere) {
    }

    /**
     * Writes a batch of projections in one round trip: new ones inserted (an order already stored is reported, not
     * overwritten), known ones replaced if their stored revision is still the one read (else the whole batch is
     * processed again: {@link ConcurrentUpdate}).
     */
    public Written saveAll(Map<String, OrderDocument> changed, Set<String> existed) {
        if (changed.isEmpty()) {
            return new Written(Map.of(), Set.of());
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OrderDocument.class);
        Map<String, OrderDocument> written = new LinkedHashMap<>();
        List<String> positions = new ArrayList<>(changed.size());
        int replaces = 0;
        for (OrderDocument next : changed.values()) {
            OrderDocument stored = new OrderDocument(next.id(), next.order(), next.orderAt(), next.stateSince(),
                    next.createdVersion(), next.createdAt(), next.tap(), next.resends(), next.revision() + 1);
            written.put(next.id(), stored);
            positions.add(next.id());
            if (existed.contains(next.id())) {
                bulk.replaceOne(query(where("_id").is(next.id()).and("revision").is(next.revision())), stored);
                replaces++;
            } else {
                bulk.insert(stored);
            }
        }
        Set<String> alreadyThere = new HashSet<>();
        long matched;
        try {
            matched = bulk.execute().getMatchedCount();
        } catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException e) {
            Set<Integer> duplicates = BulkFailures.duplicates(e)
                    .orElseThrow(() -> new ConcurrentUpdate(String.join(",", changed.keySet())));
            duplicates.forEach(position -> alreadyThere.add(positions.get(position)));
            matched = BulkFailures.partialResult(e).map(BulkWriteResult::getMatchedCount).orElse(-1);
        }
        for (String id : alreadyThere) {
            if (existed.contains(id)) { // a replace refused for a duplicate key: not ours to explain, retry
                throw new ConcurrentUpdate(id);
            }
            written.remove(id);
        }
        if (matched != replaces) {
            throw new ConcurrentUpdate(String.join(",", changed.keySet()));
        }
        return new Written(written, alreadyThere);
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
