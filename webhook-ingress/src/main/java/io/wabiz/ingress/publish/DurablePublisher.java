package io.wabiz.ingress.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes all records of one webhook body as one burst (the producer batches them) and completes only
 * when the broker acknowledged every one of them (acks=all), or fails with {@link KafkaUnavailableException}.
 * Records of one conversation share a key, hence a partition, and are sent in body order, so their order holds.
 *
 * <p>It talks to the producer directly, with one callback counting down the body's records, rather than
 * through a template's future per record: on this path every allocation and hand-off is paid per request.
 */
public class DurablePublisher implements AutoCloseable {

    public static final String PUBLISH_TIMER = "ingress.kafka.publish";

    private final Producer<String, TopicRecord> producer;
    private final Duration waitBound;
    private final Timer acknowledged;
    private final Timer failed;
    /**
     * The guards' timer. Not CompletableFuture.orTimeout: on JDK 25 that wakes the common pool's delay
     * scheduler thread on every schedule and every cancel, two context switches per request. A
     * ScheduledThreadPoolExecutor only wakes its thread when a new guard expires before all others, and
     * since they all last the same time, that is only when none is pending.
     */
    private final ScheduledThreadPoolExecutor timeouts;

    /**
     * @param waitBound a guard only: the producer's own delivery timeout fails the sends before it
     */
    public DurablePublisher(Producer<String, TopicRecord> producer, Duration waitBound, MeterRegistry meterRegistry) {
        this.producer = producer;
        this.waitBound = waitBound;
        this.acknowledged = timer(meterRegistry, "acknowledged");
        this.failed = timer(meterRegistry, "failed");
        this.timeouts = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("ingress-publish-guard").daemon()
                .factory());
        this.timeouts.setRemoveOnCancelPolicy(true);
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(PUBLISH_TIMER).description("Time until Kafka acknowledged every record of a webhook body")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry);
    }

    /** Completes when Kafka stored every record; never throws, fails with {@link KafkaUnavailableException}. */
    public CompletableFuture<Void> publishAll(List<TopicRecord> records) {
        BodyAcknowledgement body = new BodyAcknowledgement(records.size());
        for (TopicRecord record : records) {
            try {
                producer.send(TopicPublisher.producerRecord(record), body);
            } catch (RuntimeException e) {
                body.onCompletion(null, e);
            }
            if (body.isDone()) {
                // failed without reaching the broker (no metadata within max.block.ms): the rest would fail alike
                break;
            }
        }
        if (!body.isDone()) {
            ScheduledFuture<?> guard = timeouts.schedule(body::timedOut, waitBound.toNanos(), TimeUnit.NANOSECONDS);
            body.whenComplete((stored, error) -> guard.cancel(false));
        }
        return body;
    }

    /** Stops the guards' timer thread. */
    @Override
    public void close() {
        timeouts.shutdownNow();
    }

    /** Completes once the last of a body's records is acknowledged, or at the first failure. */
    private final class BodyAcknowledgement extends CompletableFuture<Void> implements Callback {

        private final long start = System.nanoTime();
        private final AtomicInteger pending;

        BodyAcknowledgement(int records) {
            this.pending = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                if (pending.getAndSet(0) > 0) { // the first failure decides; later ones change nothing
                    completeExceptionally(fail("Kafka refused or timed out", exception));
                }
            } else if (pending.decrementAndGet() == 0) {
                acknowledged.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                complete(null);
            }
        }

        void timedOut() {
            if (pending.getAndSet(0) > 0) {
                completeExceptionally(fail("Kafka did not acknowledge within " + waitBound, null));
            }
        }

        KafkaUnavailableException fail(String message, Throwable cause) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return new KafkaUnavailableException(cause == null ? message : message + ": " + cause, cause);
        }
    }
}
