package io.wabiz.platform.kafka;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/** Publishes a record on the topic the catalogue names for its type, under the record's own key. */
public class TopicPublisher {

    private final KafkaOperations<String, TopicRecord> kafka;

    public TopicPublisher(KafkaOperations<String, TopicRecord> kafka) {
        this.kafka = kafka;
    }

    /** The Kafka record of {@code record}: on the topic the catalogue names for its type, under its own key. */
    public static ProducerRecord<String, TopicRecord> producerRecord(TopicRecord record) {
        return new ProducerRecord<>(TopicCatalogue.carrying(record.getClass()).topic(), record.key(), record);
    }

    public CompletableFuture<SendResult<String, TopicRecord>> publish(TopicRecord record) {
        return kafka.send(producerRecord(record));
    }

    /**
     * Publishes and returns once the broker acknowledged the record (acks=all), for callers that may only
     * go on once it is durable: answering a request, committing the offset of what caused it.
     *
     * @throws PublishFailedException when the broker refused it or did not acknowledge it within {@code timeout}
     *                                (it may still have been stored: publish the same record again to be sure)
     */
    public RecordMetadata publishAndWait(TopicRecord record, Duration timeout) {
        try {
            return publish(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(record, "interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(record, "refused: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException(record, "not acknowledged within " + timeout, e);
        }
    }

    /**
     * Publishes every record, then returns once the broker acknowledged them all: a batch leaves together (one
     * round trip, not one per record), for callers that record the batch as done only when it is durable.
     *
     * @throws PublishFailedException for the first record refused or not acknowledged within {@code timeout} (the
     *                                others may be stored: publish the same records again to be sure)
     */
    public void publishAllAndWait(List<? extends TopicRecord> records, Duration timeout) {
        List<CompletableFuture<SendResult<String, TopicRecord>>> sends = records.stream().map(this::publish).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            TopicRecord record = records.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException(record, "interrupted while waiting for the broker", e);
            } catch (ExecutionException e) {
                throw new PublishFailedException(record, "refused: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishFailedException(record, "not acknowledged within " + timeout, e);
            }
        }
    }
}
