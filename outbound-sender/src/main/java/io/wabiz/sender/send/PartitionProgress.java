package io.wabiz.sender.send;

import java.util.TreeSet;

/**
 * Which offsets of one partition are read but not finished. Commands finish out of order (many calls in
 * flight); the offset that may be committed is the lowest unfinished one, so nothing unfinished is ever
 * acknowledged.
 */
final class PartitionProgress {

    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long lastCommitted = -1;

    synchronized void dispatched(long offset) {
        pending.add(offset);
        next = offset + 1;
    }

    synchronized void finished(long offset) {
        pending.remove(offset);
    }

    synchronized int inFlight() {
        return pending.size();
    }

    /** The offset to commit now, or -1 when nothing new may be committed. */
    synchronized long toCommit() {
        long committable = pending.isEmpty() ? next : pending.first();
        return committable > lastCommitted ? committable : -1;
    }

    synchronized void committed(long offset) {
        lastCommitted = Math.max(lastCommitted, offset);
    }
}
