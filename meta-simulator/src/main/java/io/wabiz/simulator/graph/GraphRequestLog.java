package io.wabiz.simulator.graph;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The recent Graph API calls and how they were answered, for {@code GET /simulator/requests}. */
public final class GraphRequestLog {

    public enum Outcome { ACCEPTED, REJECTED }

    public record Entry(Instant at, String method, String path, String phoneNumberId, int httpStatus, Outcome outcome,
                        Integer errorCode, String errorDetails, String wamid, String body) {
    }

    private final int size;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public GraphRequestLog(int size) {
        this.size = size;
    }

    public synchronized void add(Entry entry) {
        entries.addFirst(entry);
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
