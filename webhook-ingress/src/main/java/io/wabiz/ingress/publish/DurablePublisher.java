package io.wabiz.ingress.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes all records of one webhook body as one burst (the producer batches them) and completes only
 * when the broker acknowledged every one of them (acks=all), or fails with {@link KafkaUnavailableException}.
 * Records of one conversation share a key, hence a partition, and are sent in body order, so their order holds.
 */
public class DurablePublisher {

    public static final String PUBLISH_TIMER = "ingress.kafka.publish";

    private final TopicPublisher publisher;
    private final Duration waitBound;
    private final Timer acknowledged;
    private final Timer failed;

    /**
     * @param waitBound a guard only: the producer's own delivery timeout fails the sends before it
     */
    public DurablePublisher(TopicPublisher publisher, Duration waitBound, MeterRegistry meterRegistry) {
        this.publisher = publisher;
        this.waitBound = waitBound;
        this.acknowledged = timer(meterRegistry, "acknowledged");
        this.failed = timer(meterRegistry, "failed");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(PUBLISH_TIMER).description("Time until Kafka acknowledged every record of a webhook body")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }

    /** Completes when Kafka stored every record; never throws, fails with {@link KafkaUnavailableException}. */
    public CompletableFuture<Void> publishAll(List<TopicRecord> records) {
        long start = System.nanoTime();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[records.size()];
        try {
            for (int i = 0; i < sent.length; i++) {
                sent[i] = publisher.publish(records.get(i));
                if (sent[i].isCompletedExceptionally()) {
                    // failed without reaching the broker (no metadata within max.block.ms): the rest would fail alike
                    return failure(start, sent[i]);
                }
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(fail(start, "Kafka send failed", e));
        }
        CompletableFuture<Void> stored = new CompletableFuture<>();
        CompletableFuture.allOf(sent).orTimeout(waitBound.toMillis(), TimeUnit.MILLISECONDS).whenComplete((all, error) -> {
            if (error == null) {
                acknowledged.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                stored.complete(null);
            } else {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                stored.completeExceptionally(cause instanceof TimeoutException
                        ? fail(start, "Kafka did not acknowledge within " + waitBound, cause)
                        : fail(start, "Kafka refused or timed out", cause));
            }
        });
        return stored;
    }

    private CompletableFuture<Void> failure(long start, CompletableFuture<?> failedSend) {
        Throwable cause = failedSend.exceptionNow();
        return CompletableFuture.failedFuture(fail(start, "Kafka refused or timed out", cause));
    }

    private KafkaUnavailableException fail(long start, String message, Throwable cause) {
        failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new KafkaUnavailableException(message + ": " + cause, cause);
    }
}
