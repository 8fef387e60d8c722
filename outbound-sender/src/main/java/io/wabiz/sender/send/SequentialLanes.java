package io.wabiz.sender.send;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs tasks concurrently across lanes and one after the other within a lane (one lane per customer):
 * many calls in flight for a business number, each customer's messages still in order. A task runs even
 * when the one before it in its lane failed.
 */
public final class SequentialLanes {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Executor executor;

    public SequentialLanes(Executor executor) {
        this.executor = executor;
    }

    public CompletableFuture<Void> submit(String lane, Runnable task) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] created = new CompletableFuture[1];
        tails.compute(lane, (key, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null)
                    : tail.handle((ignored, failure) -> null);
            created[0] = previous.thenRunAsync(task, executor);
            return created[0];
        });
        CompletableFuture<Void> mine = created[0];
        mine.whenComplete((ignored, failure) -> tails.remove(lane, mine));
        return mine;
    }

    /** Lanes with work queued or running. */
    public int activeLanes() {
        return tails.size();
    }
}
