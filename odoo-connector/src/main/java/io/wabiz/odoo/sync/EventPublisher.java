package io.wabiz.odoo.sync;

import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes a batch of events and returns once the broker has all of them (acks=all): nothing is marked seen before. */
public final class EventPublisher {

    private final TopicPublisher topics;
    private final Duration timeout;

    public EventPublisher(TopicPublisher topics, Duration timeout) {
        this.topics = topics;
        this.timeout = timeout;
    }

    public void publishAll(List<TopicRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] sends = records.stream().map(topics::publish).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + records.size() + " events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + records.size() + " events: " + e, e);
        }
    }
}
