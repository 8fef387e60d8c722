package io.wabiz.odoosim.orm;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The database: one store per model, transactions that see their own changes and commit them at once.
 * Writing calls run one at a time (PostgreSQL would serialise conflicting ones through row locks); reading
 * calls never wait for a writer's work, only for the instant its commit takes.
 */
public final class Database {

    /** Told after each commit, with the transaction that committed. */
    public interface CommitListener {
        void committed(Transaction tx);
    }

    private final Registry registry;
    private final Clock clock;
    private final OdooVersion version;
    private final Map<String, Store> stores = new ConcurrentHashMap<>();
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock(true);
    private final AtomicLong transactionIds = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LocalDateTime lastNow = LocalDateTime.MIN;

    public Database(Registry registry, Clock clock, OdooVersion version) {
        this.registry = registry;
        this.clock = clock;
        this.version = version;
    }

    /** The Odoo release whose behaviour this database plays. */
    public OdooVersion odooVersion() {
        return version;
    }

    public Registry registry() {
        return registry;
    }

    public void onCommit(CommitListener listener) {
        listeners.add(listener);
    }

    /** Grows with every commit that changed something (the page polls it). */
    public long changes() {
        return changes.get();
    }

    Store store(String model) {
        registry.model(model);
        return stores.computeIfAbsent(model, name -> new Store(name, registry.indexedManyToOnes(name)));
    }

    /** A call that changes nothing: sees the committed rows, waits only for a commit in progress. */
    public <T> T read(Env env, Function<Transaction, T> work) {
        visibility.readLock().lock();
        try {
            return work.apply(new Transaction(this, transactionIds.incrementAndGet(), start(), env, false));
        } finally {
            visibility.readLock().unlock();
        }
    }

    /** A call that may change rows: all or nothing, committed after {@code work} returned. */
    public <T> T write(Env env, Function<Transaction, T> work) {
        return write(env, work, tx -> {
        });
    }

    /**
     * @param beforeCommit runs after {@code work} with the transaction still open (Odoo 17/18 post their
     *                     automation webhooks at that point: the receiver cannot see the change yet)
     */
    public <T> T write(Env env, Function<Transaction, T> work, Consumer<Transaction> beforeCommit) {
        writer.lock();
        try {
            Transaction tx = new Transaction(this, transactionIds.incrementAndGet(), start(), env, true);
            try {
                T result = work.apply(tx);
                beforeCommit.accept(tx);
                commit(tx);
                return result;
            } catch (RuntimeException | Error e) {
                tx.rollbackActions().forEach(Runnable::run);
                throw e;
            }
        } finally {
            writer.unlock();
        }
    }

    private void commit(Transaction tx) {
        if (tx.changedAnything()) {
            visibility.writeLock().lock();
            try {
                tx.overlay().forEach((model, rows) -> {
                    Store store = store(model);
                    rows.forEach((id, value) -> {
                        if (Transaction.isDeleted(value)) {
                            store.remove(id);
                        } else {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> row = (Map<String, Object>) value;
                            store.put(id, Map.copyOf(row));
                        }
                    });
                });
            } finally {
                visibility.writeLock().unlock();
            }
            changes.incrementAndGet();
        }
        tx.afterCommitActions().forEach(Runnable::run);
        listeners.forEach(listener -> listener.committed(tx));
    }

    /** Forgets every row (the models and their custom fields stay). */
    public void clear() {
        writer.lock();
        visibility.writeLock().lock();
        try {
            stores.values().forEach(store -> {
                store.clear();
                store.lastId.set(0);
            });
            changes.incrementAndGet();
        } finally {
            visibility.writeLock().unlock();
            writer.unlock();
        }
    }

    /** The rows of a model as committed (for snapshots): id to stored values. */
    public <T> T snapshot(Function<Map<String, Map<Long, Map<String, Object>>>, T> reader) {
        visibility.readLock().lock();
        try {
            Map<String, Map<Long, Map<String, Object>>> all = new java.util.TreeMap<>();
            stores.forEach((model, store) -> all.put(model, java.util.Collections.unmodifiableMap(store.rows)));
            return reader.apply(all);
        } finally {
            visibility.readLock().unlock();
        }
    }

    public long lastId(String model) {
        return store(model).lastId.get();
    }

    /**
     * The transaction's start in UTC with microseconds, strictly after the previous one's, so that two
     * changes of one record never share a {@code write_date} even within one microsecond.
     */
    private synchronized LocalDateTime start() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(lastNow)) {
            now = lastNow.plus(1, ChronoUnit.MICROS);
        }
        lastNow = now;
        return now;
    }
}
