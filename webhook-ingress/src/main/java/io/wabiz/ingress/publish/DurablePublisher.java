package io.wabiz.ingress.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes all records of one webhook body as one burst (the producer batches them) and returns only
 * when the broker acknowledged every one of them (acks=all), or throws {@link KafkaUnavailableException}.
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

    public void publishAll(List<TopicRecord> records) {
        long start = System.nanoTime();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[records.size()];
        try {
            for (int i = 0; i < sent.length; i++) {
                sent[i] = publisher.publish(records.get(i));
                if (sent[i].isCompletedExceptionally()) {
                    // failed without waiting for the broker (no metadata within max.block.ms): do not block once per record
                    sent[i].get();
                }
            }
            CompletableFuture.allOf(sent).get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
            acknowledged.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw fail(start, "Kafka refused or timed out", e.getCause());
        } catch (TimeoutException e) {
            throw fail(start, "Kafka did not acknowledge within " + waitBound, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(start, "interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            throw fail(start, "Kafka send failed", e);
        }
    }

    private KafkaUnavailableException fail(long start, String message, Throwable cause) {
        failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new KafkaUnavailableException(message + ": " + cause, cause);
    }
}
