package io.wabiz.bench.chaos;

import io.wabiz.bench.chaos.Observations.DeadLetter;
import io.wabiz.bench.chaos.Observations.SendOutcome;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the platform recorded on Kafka, as an auditor would (no consumer group, nothing committed): the
 * sender's outcome of every idempotency key on {@code whatsapp.outbound.events} during the run, and at the end every
 * record on a dead-letter topic with its reason header.
 */
final class KafkaRecorder implements AutoCloseable {

    static final String REASON_HEADER = "wabiz_dlt-reason";

    private final String bootstrapServers;
    private final List<SendOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;

    KafkaRecorder(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.thread = Thread.ofPlatform().name("chaos-outcomes").daemon().start(this::readOutcomes);
    }

    List<SendOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private void readOutcomes() {
        CloudEventDeserializer events = new CloudEventDeserializer();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND_EVENTS, Duration.ofMinutes(1))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicRecord event;
                    try {
                        event = events.deserialize(record.topic(), record.headers(), record.value());
                    } catch (RuntimeException unreadable) {
                        continue;
                    }
                    switch (event) {
                        case MessageAccepted a -> outcomes.add(new SendOutcome(a.idempotencyKey(), "ACCEPTED", null));
                        case MessageRejected r -> outcomes.add(new SendOutcome(r.idempotencyKey(),
                                "Outcome unknown".equals(r.errorTitle()) ? "UNKNOWN" : "REJECTED",
                                join(r.errorCode() + " " + r.errorTitle(), r.reason())));
                        case MessageOutcomeUnresolved u -> outcomes.add(new SendOutcome(u.idempotencyKey(),
                                "UNRESOLVED", join("unresolved since " + u.unknownSince(), u.reason())));
                        default -> { }
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException | org.apache.kafka.common.errors.WakeupException e) {
            // stopping
        }
    }

    private static String join(String a, String b) {
        return b == null || b.isBlank() ? a : a + ": " + b;
    }

    /** Every record of every {@code -dlt} topic, read from the beginning to the end offsets of now. */
    List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (topic.endsWith("-dlt")) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            });
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && partitions.stream()
                    .anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    letters.add(new DeadLetter(record.topic(), header(record, "ce_type"),
                            header(record, REASON_HEADER)));
                }
            }
        }
        return letters;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
