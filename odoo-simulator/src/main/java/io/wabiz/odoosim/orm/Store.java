package io.wabiz.odoosim.orm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The committed rows of one model (a table), with indexes from many2one values back to the rows that
 * hold them, so that one2many reads and {@code order_id in [...]} searches do not scan the table.
 * Changed only by {@link Database} while it holds both its locks; read freely otherwise.
 */
final class Store {

    final String model;
    final NavigableMap<Long, Map<String, Object>> rows = new TreeMap<>();
    final AtomicLong lastId = new AtomicLong();
    private final Map<String, Map<Long, Set<Long>>> byParent = new HashMap<>();

    Store(String model, Set<String> indexedManyToOnes) {
        this.model = model;
        indexedManyToOnes.forEach(field -> byParent.put(field, new HashMap<>()));
    }

    boolean indexed(String field) {
        return byParent.containsKey(field);
    }

    Set<Long> children(String field, long parentId) {
        Map<Long, Set<Long>> index = byParent.get(field);
        Set<Long> children = index == null ? null : index.get(parentId);
        return children == null ? Set.of() : children;
    }

    void put(long id, Map<String, Object> values) {
        Map<String, Object> previous = rows.put(id, values);
        reindex(id, previous, values);
        lastId.accumulateAndGet(id, Math::max);
    }

    void remove(long id) {
        Map<String, Object> previous = rows.remove(id);
        reindex(id, previous, null);
    }

    void clear() {
        rows.clear();
        byParent.values().forEach(Map::clear);
    }

    private void reindex(long id, Map<String, Object> before, Map<String, Object> after) {
        byParent.forEach((field, index) -> {
            Object old = before == null ? null : before.get(field);
            Object now = after == null ? null : after.get(field);
            if (old != null && !old.equals(now)) {
                Set<Long> set = index.get((Long) old);
                if (set != null) {
                    set.remove(id);
                }
            }
            if (now != null) {
                index.computeIfAbsent((Long) now, k -> new HashSet<>()).add(id);
            }
        });
    }
}
