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
    public record Entry(long id, Instant at, String service, String method, String model, String modelMethod,
                        String outcome, String message, long millis) {
    }

    private final int size;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long ids;

    public RpcLog(int size) {
        this.size = size;
    }

    public synchronized void add(Instant at, String service, String method, String model, String modelMethod,
                                 String outcome, String message, long millis) {
        entries.addFirst(new Entry(++ids, at, service, method, model, modelMethod, outcome, message, millis));
        while (entries.size() > size) {
            entries.removeLast();
        }
    }

    public synchronized List<Entry> recent(int limit) {
        return entries.stream().limit(Math.max(0, limit)).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
