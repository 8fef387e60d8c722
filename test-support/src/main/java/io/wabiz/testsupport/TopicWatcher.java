package io.wabiz.testsupport;

import static org.awaitility.Awaitility.await;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.kafka.CloudEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Collects every record that reaches some topics, on a background thread, so that a test can await
 * what its code published. Positions are taken when the watcher is created: open it before acting.
 */
public final class TopicWatcher implements AutoCloseable {

    private static final CloudEventDeserializer EVENTS = new CloudEventDeserializer();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicWatcher(String bootstrapServers, boolean fromBeginning, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "watcher-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve positions now, not lazily at the first poll
        poller = Thread.ofPlatform().daemon().name("topic-watcher").start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    /** Every raw record received so far, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(received);
    }

    /** Every record received so far, read by its CloudEvents type. */
    public List<TopicRecord> events() {
        return received.stream().map(TopicWatcher::decode).flatMap(Optional::stream).toList();
    }

    public <T extends TopicRecord> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (up to 30 s) for a record of {@code type} that matches, and returns the first. */
    public <T extends TopicRecord> T awaitEvent(Class<T> type, Predicate<? super T> matching) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> events(type).stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits (up to 30 s) until {@code count} records of {@code type} have arrived, and returns them. */
    public <T extends TopicRecord> List<T> awaitEvents(Class<T> type, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> events(type), list -> list.size() >= count);
    }

    /** Waits (up to 30 s) for a raw record that matches. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> received.stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Asserts that nothing arrives for {@code quietPeriod}. */
    public void assertNothingFor(Duration quietPeriod) {
        await().during(quietPeriod).atMost(quietPeriod.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(received::isEmpty);
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.read(record.headers(), name);
    }

    private static Optional<TopicRecord> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.ofNullable(EVENTS.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException notAnEvent) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
