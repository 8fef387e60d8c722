package io.wabiz.odoosim.orm;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One RPC call's database transaction. Rows hold stored values only, an empty value is an absent key. Its changes stay in an overlay that only it sees until
 * {@link Database} commits them; other calls keep reading the committed rows meanwhile, as PostgreSQL
 * readers do. Every row it creates or writes is stamped with {@link #now()}: the transaction's start,
 * with microseconds (Odoo's {@code cr.now()}).
 */
public final class Transaction {

    private static final Object DELETED = new Object();

    private final Database database;
    private final long id;
    private final LocalDateTime now;
    private final boolean writable;
    private Env env;
    private final Map<String, Map<Long, Object>> overlay = new LinkedHashMap<>();
    private final Map<String, Set<Long>> created = new LinkedHashMap<>();
    private final Map<String, Map<Long, Set<String>>> written = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> onRollback = new ArrayList<>();

    Transaction(Database database, long id, LocalDateTime now, Env env, boolean writable) {
        this.database = database;
        this.id = id;
        this.now = now;
        this.env = env;
        this.writable = writable;
    }

    public long id() {
        return id;
    }

    public LocalDateTime now() {
        return now;
    }

    public Env env() {
        return env;
    }

    public Database database() {
        return database;
    }

    public Model model(String name) {
        return database.registry().model(name);
    }

    /** Runs {@code work} with more context keys (Odoo's {@code with_context}), then restores the caller's. */
    public <T> T withContext(Map<String, Object> context, Supplier<T> work) {
        Env previous = env;
        env = env.withContext(context);
        try {
            return work.get();
        } finally {
            env = previous;
        }
    }

    /** The row as this transaction sees it, or null when it does not exist (or was deleted). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> row(String model, long recordId) {
        Map<Long, Object> changes = overlay.get(model);
        if (changes != null && changes.containsKey(recordId)) {
            Object value = changes.get(recordId);
            return value == DELETED ? null : (Map<String, Object>) value;
        }
        return database.store(model).rows.get(recordId);
    }

    public boolean exists(String model, long recordId) {
        return row(model, recordId) != null;
    }

    public Object get(String model, long recordId, String field) {
        Map<String, Object> row = row(model, recordId);
        return row == null ? null : row.get(field);
    }

    /** Every id this transaction sees, ascending. */
    public Iterable<Long> ids(String model) {
        Map<Long, Object> changes = overlay.get(model);
        Iterable<Long> committed = database.store(model).rows.keySet();
        if (changes == null || changes.isEmpty()) {
            return committed;
        }
        TreeSet<Long> all = new TreeSet<>();
        committed.forEach(all::add);
        changes.forEach((recordId, value) -> {
            if (value == DELETED) {
                all.remove(recordId);
            } else {
                all.add(recordId);
            }
        });
        return all;
    }

    public int count(String model) {
        Map<Long, Object> changes = overlay.get(model);
        if (changes == null || changes.isEmpty()) {
            return database.store(model).rows.size();
        }
        int n = 0;
        for (Iterator<Long> it = ids(model).iterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** Ids of the rows whose many2one {@code field} points at {@code parentId}. */
    public List<Long> children(String model, String field, long parentId) {
        Store store = database.store(model);
        Set<Long> result = new TreeSet<>();
        if (store.indexed(field)) {
            result.addAll(store.children(field, parentId));
        } else {
            store.rows.forEach((rowId, row) -> {
                if (Objects.equals(row.get(field), parentId)) {
                    result.add(rowId);
                }
            });
        }
        Map<Long, Object> changes = overlay.get(model);
        if (changes != null) {
            changes.forEach((rowId, value) -> {
                if (value == DELETED || !Objects.equals(((Map<?, ?>) value).get(field), parentId)) {
                    result.remove(rowId);
                } else {
                    result.add(rowId);
                }
            });
        }
        return List.copyOf(result);
    }

    /** Inserts a row with the next id of the model (ids are spent even if the transaction rolls back). */
    public long insert(String model, Map<String, Object> values) {
        requireWritable();
        long recordId = database.store(model).lastId.incrementAndGet();
        insertWithId(model, recordId, values);
        return recordId;
    }

    public void insertWithId(String model, long recordId, Map<String, Object> values) {
        requireWritable();
        database.store(model).lastId.accumulateAndGet(recordId, Math::max);
        Map<String, Object> row = new HashMap<>();
        values.forEach((field, value) -> {
            if (value != null) {
                row.put(field, value);
            }
        });
        row.put("id", recordId);
        row.putIfAbsent("create_date", now);
        row.putIfAbsent("write_date", now);
        row.putIfAbsent("create_uid", env.uid());
        row.putIfAbsent("write_uid", env.uid());
        overlay.computeIfAbsent(model, k -> new LinkedHashMap<>()).put(recordId, row);
        created.computeIfAbsent(model, k -> new LinkedHashSet<>()).add(recordId);
    }

    /**
     * Writes values into a row. A client's {@code write} always stamps {@code write_date} (Odoo does not
     * compare), a recomputation ({@code touchAlways} false) only when a value really changed.
     *
     * @return the names of the fields whose value changed
     */
    @SuppressWarnings("unchecked")
    public Set<String> update(String model, long recordId, Map<String, Object> values, boolean touchAlways) {
        requireWritable();
        Map<String, Object> current = row(model, recordId);
        if (current == null) {
            throw OdooError.recordDeleted();
        }
        Set<String> changed = new LinkedHashSet<>();
        values.forEach((field, value) -> {
            if (!Objects.equals(current.get(field), value)) {
                changed.add(field);
            }
        });
        if (changed.isEmpty() && !touchAlways) {
            return changed;
        }
        Map<Long, Object> changes = overlay.computeIfAbsent(model, k -> new LinkedHashMap<>());
        Object mine = changes.get(recordId);
        Map<String, Object> row = mine instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>(current);
        values.forEach((field, value) -> {
            if (value == null) {
                row.remove(field);
            } else {
                row.put(field, value);
            }
        });
        row.put("write_date", now);
        row.put("write_uid", env.uid());
        changes.put(recordId, row);
        if (!created.getOrDefault(model, Set.of()).contains(recordId)) {
            written.computeIfAbsent(model, k -> new LinkedHashMap<>())
                    .computeIfAbsent(recordId, k -> new LinkedHashSet<>()).addAll(changed);
        }
        return changed;
    }

    public void delete(String model, long recordId) {
        requireWritable();
        overlay.computeIfAbsent(model, k -> new LinkedHashMap<>()).put(recordId, DELETED);
        Set<Long> mine = created.get(model);
        if (mine != null) {
            mine.remove(recordId);
        }
        Map<Long, Set<String>> writes = written.get(model);
        if (writes != null) {
            writes.remove(recordId);
        }
    }

    /** Runs once the transaction is committed (never if it rolls back). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** Undoes something kept outside the rows (such as a field added to a model) if the transaction fails. */
    public void onRollback(Runnable action) {
        onRollback.add(action);
    }

    List<Runnable> rollbackActions() {
        return onRollback.reversed();
    }

    /** What this transaction created, per model. */
    public Map<String, Set<Long>> created() {
        return Collections.unmodifiableMap(created);
    }

    /** What this transaction wrote (records it did not create), per model, with the fields that changed. */
    public Map<String, Map<Long, Set<String>>> written() {
        return Collections.unmodifiableMap(written);
    }

    public boolean changedAnything() {
        return !overlay.isEmpty();
    }

    Map<String, Map<Long, Object>> overlay() {
        return overlay;
    }

    static boolean isDeleted(Object value) {
        return value == DELETED;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("a read-only call tried to change the database");
        }
    }
}
