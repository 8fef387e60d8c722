package io.wabiz.ingress.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.WebhookReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A body's answer waits for the broker's acknowledgement of every one of its records, whatever their order. */
class DurablePublisherTest {

    /** A quiet period long enough for a wrongly completed future to show, short enough for a unit test. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private final AcksByHand producer = new AcksByHand();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DurablePublisher publisher = new DurablePublisher(producer, Duration.ofSeconds(1), meters);

    @AfterEach
    void stopGuards() {
        publisher.close();
    }

    @Test
    void completesOnlyOnceEveryRecordIsAcknowledgedWhateverTheOrderOfTheAcks() {
        CompletableFuture<Void> body = publisher.publishAll(records(3));
        assertThat(producer.history()).hasSize(3);

        producer.acknowledge(2);
        producer.acknowledge(0);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> !body.isDone());

        producer.acknowledge(1);
        assertThat(body).isCompleted();
        assertThat(meters.timer(DurablePublisher.PUBLISH_TIMER, "outcome", "acknowledged").count()).isEqualTo(1);
    }

    @Test
    void failsWhenOneRecordIsRefusedEvenIfTheOthersAreAcknowledged() {
        CompletableFuture<Void> body = publisher.publishAll(records(3));

        producer.acknowledge(0);
        producer.refuse(1, new NotEnoughReplicasException("1 of 3 in sync"));
        producer.acknowledge(2);

        assertThat(body).isCompletedExceptionally();
        assertThat(failure(body)).isInstanceOf(KafkaUnavailableException.class).hasMessageContaining("1 of 3 in sync");
        assertThat(meters.timer(DurablePublisher.PUBLISH_TIMER, "outcome", "failed").count()).isEqualTo(1);
        assertThat(meters.timer(DurablePublisher.PUBLISH_TIMER, "outcome", "acknowledged").count()).isZero();
    }

    @Test
    void failsWithinItsBoundWhenAnAcknowledgementNeverComes() {
        CompletableFuture<Void> body = publisher.publishAll(records(3));
        producer.acknowledge(0);
        producer.acknowledge(1);

        await().atMost(Duration.ofSeconds(5)).until(body::isDone);
        assertThat(failure(body)).isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("did not acknowledge within PT1S");
        producer.acknowledge(2); // late: changes nothing
        assertThat(body).isCompletedExceptionally();
    }

    @Test
    void stopsSendingABodyWhoseFirstRecordCannotEvenBeSent() {
        producer.refuseToSend = new TimeoutException("Topic whatsapp.webhook.raw not present in metadata after 250 ms.");
        CompletableFuture<Void> body = publisher.publishAll(records(3));

        assertThat(body).isCompletedExceptionally();
        assertThat(producer.history()).isEmpty();
        assertThat(failure(body)).hasMessageContaining("not present in metadata");
    }

    private static Throwable failure(CompletableFuture<Void> body) {
        try {
            body.join();
            throw new AssertionError("completed normally");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private static List<TopicRecord> records(int count) {
        return IntStream.range(0, count).<TopicRecord>mapToObj(i -> new WebhookReceived("raw-" + i,
                Instant.parse("2026-11-24T10:00:00Z"), "100000000000001", "{}", null)).toList();
    }

    /** A MockProducer whose acknowledgements the test gives, one record at a time, in any order. */
    private static final class AcksByHand extends MockProducer<String, TopicRecord> {

        private final List<Callback> callbacks = new ArrayList<>();
        private RuntimeException refuseToSend;

        AcksByHand() {
            super(false, null, new StringSerializer(), (topic, record) -> new byte[0]);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, TopicRecord> record, Callback callback) {
            if (refuseToSend != null) {
                throw refuseToSend;
            }
            callbacks.add(callback);
            return super.send(record, null);
        }

        void acknowledge(int index) {
            callbacks.get(index).onCompletion(new RecordMetadata(new TopicPartition("whatsapp.webhook.raw", 0),
                    index, 0, 0, 0, 0), null);
        }

        void refuse(int index, Exception exception) {
            callbacks.get(index).onCompletion(null, exception);
        }
    }
}
