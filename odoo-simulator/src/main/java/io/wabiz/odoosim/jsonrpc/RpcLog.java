package io.wabiz.odoosim.jsonrpc;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest {@code /jsonrpc} calls, newest first, for the page and the tests ({@code GET /simulator/rpc-log}). */
public final class RpcLog {

    /**
     * @param outcome {@code result}, {@code none} (no result), an exception's {@code data.name}, or the fault played
     */
    /** @param ids the record ids of a record method ({@code args[0]}), empty otherwise */
    public record Entry(long id, Instant at, String service, String method, String model, String modelMethod,
                        List<Long> ids, String outcome, String message, long millis) {
    }

    private final int size;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long ids;

    public RpcLog(int size) {
        this.size = size;
    }

    public synchronized void add(Instant at, String service, String method, String model, String modelMethod,
                                 List<Long> recordIds, String outcome, String message, long millis) {
        entries.addFirst(new Entry(++ids, at, service, method, model, modelMethod, recordIds, outcome, message,
                millis));
        while (entries.size() > size) {
            entries.removeLast();
        }
    }

    /** How many calls of {@code modelMethod} on {@code model} named record {@code id} (among those kept). */
    public synchronized long count(String model, String modelMethod, long id) {
        return entries.stream().filter(e -> model.equals(e.model()) && modelMethod.equals(e.modelMethod())
                && e.ids().contains(id)).count();
    }

    public synchronized List<Entry> recent(int limit) {
        return entries.stream().limit(Math.max(0, limit)).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
