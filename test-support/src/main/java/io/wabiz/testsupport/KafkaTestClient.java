package io.wabiz.testsupport;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records to a broker the way a service would (JSON, CloudEvents headers, acks=all), and
 * opens {@link TopicWatcher}s to await what the code under test publishes.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, TopicRecord> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer("/test"));
        this.rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaTestClient shared;

    /** A client of its own of the JVM-wide embedded broker; close it. */
    public static KafkaTestClient embedded() {
        return new KafkaTestClient(SharedKafkaBroker.bootstrapServers());
    }

    /**
     * The one client of the JVM-wide embedded broker that every test class of the JVM shares, like the
     * broker itself: a test keeps it in a static field and neither opens nor closes it.
     */
    public static synchronized KafkaTestClient shared() {
        if (shared == null) {
            shared = embedded();
            KafkaTestClient client = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> client.close(Duration.ZERO), "kafka-test-client-stop"));
        }
        return shared;
    }

    /** Publishes to the topic the catalogue names for the record's type, under the record's own key. */
    public RecordMetadata publish(TopicRecord record) {
        return publish(topicOf(record), record.key(), record);
    }

    public RecordMetadata publish(String topic, String key, TopicRecord record) {
        return await(producer.send(new ProducerRecord<>(topic, key, record)));
    }

    /** Publishes bytes as they are, with the given headers: for malformed or foreign records. */
    public RecordMetadata publishRaw(String topic, String key, byte[] value, List<Header> headers) {
        return await(rawProducer.send(new ProducerRecord<>(topic, null, key, value, headers)));
    }

    /** Starts watching the topics from their current end: only what is published afterwards is seen. */
    public TopicWatcher watch(String... topics) {
        return new TopicWatcher(bootstrapServers, false, topics);
    }

    /** Watches the topics from their beginning. */
    public TopicWatcher watchFromBeginning(String... topics) {
        return new TopicWatcher(bootstrapServers, true, topics);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public static String topicOf(TopicRecord record) {
        return TopicCatalogue.carrying(record.getClass()).topic();
    }

    private static RecordMetadata await(java.util.concurrent.Future<RecordMetadata> sent) {
        try {
            return sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    @Override
    public void close() {
        if (this == shared) {
            throw new IllegalStateException("the shared client lives as long as the JVM: do not close it");
        }
        close(Duration.ofSeconds(5));
    }

    private void close(Duration timeout) {
        producer.close(timeout);
        rawProducer.close(timeout);
    }
}
