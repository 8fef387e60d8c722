package io.wabiz.ingress.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes all records of one webhook body as one burst (the producer batches them) and returns only
 * when the broker acknowledged every one of them (acks=all), or throws {@link KafkaUnavailableException}.
 * Records of one conversation share a key, hence a partition, and are sent in body order, so their order holds.
 *
 * <p>Sends go straight to the factory's shared, thread-safe Kafka producer with one countdown callback per body rather
 * than through KafkaTemplate: bench/ingress profiled the template's per-record CompletableFuture, SendResult and
 * ProducerRecord wrapping plus the catalogue lookup as a visible share of the hot path.
 */
public class DurablePublisher {

    public static final String PUBLISH_TIMER = "ingress.kafka.publish";

    private static final ClassValue<String> TOPICS = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected String computeValue(Class<?> type) {
            return TopicCatalogue.carrying((Class<? extends TopicRecord>) type).topic();
        }
    };

    private final ProducerFactory<String, TopicRecord> producers;
    private final Duration waitBound;
    private final Timer acknowledged;
    private final Timer failed;

    /**
     * @param waitBound a guard only: the producer's own delivery timeout fails the sends before it
     */
    public DurablePublisher(ProducerFactory<String, TopicRecord> producers, Duration waitBound, MeterRegistry meterRegistry) {
        this.producers = producers;
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
        Acks acks = new Acks(records.size());
        try {
            // the factory's shared producer, asked per body: spring-kafka replaces it if it ever had to close it
            var producer = producers.createProducer();
            for (TopicRecord record : records) {
                producer.send(new ProducerRecord<>(TOPICS.get(record.getClass()), record.key(), record), acks);
                if (acks.failure != null) {
                    // failed without waiting for the broker (no metadata within max.block.ms): do not block once per record
                    break;
                }
            }
            if (acks.failure == null && !acks.await(waitBound)) {
                throw fail(start, "Kafka did not acknowledge within " + waitBound, null);
            }
            if (acks.failure != null) {
                throw fail(start, "Kafka refused or timed out", acks.failure);
            }
            acknowledged.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(start, "interrupted while waiting for Kafka", e);
        } catch (KafkaUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw fail(start, "Kafka send failed", e);
        }
    }

    private KafkaUnavailableException fail(long start, String message, Throwable cause) {
        failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new KafkaUnavailableException(cause == null ? message : message + ": " + cause, cause);
    }

    /** Counts the acknowledgements of one body down; the first failure is kept and releases the waiter at once. */
    private static final class Acks implements Callback {

        private final CountDownLatch pending;
        private volatile Exception failure;

        Acks(int records) {
            this.pending = new CountDownLatch(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                if (failure == null) {
                    failure = exception;
                }
                // release the waiter without waiting for the other records of the body
                while (pending.getCount() > 0) {
                    pending.countDown();
                }
            } else {
                pending.countDown();
            }
        }

        boolean await(Duration bound) throws InterruptedException {
            return pending.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
