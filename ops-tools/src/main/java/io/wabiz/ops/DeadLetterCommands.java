package io.wabiz.ops;

import io.wabiz.events.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * {@code dead-letters list <topic>} and {@code dead-letters replay <topic> (--all | --offset p:o ...) [--dry-run]}.
 * A dead letter carries the failure in headers (platform-kafka's {@code wabiz_dlt-reason} and spring-kafka's
 * {@code kafka_dlt-*}); replaying publishes its original key, value and CloudEvents headers to the topic it came
 * from, without the failure headers and with {@code wabiz_replayed-from}. Consumers deduplicate by the record's id,
 * so a record replayed twice changes nothing the second time.
 */
final class DeadLetterCommands {

    static final String REASON = "wabiz_dlt-reason";
    static final String REPLAYED_FROM = "wabiz_replayed-from";
    private static final String SPRING_DLT_PREFIX = "kafka_dlt-";
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    private final KafkaAccess kafka;
    private final PrintStream out;

    DeadLetterCommands(KafkaAccess kafka, PrintStream out) {
        this.kafka = kafka;
        this.out = out;
    }

    void list(String topic) {
        String deadLetters = deadLetterTopic(topic);
        int[] count = {0};
        new TopicReader(kafka).read(deadLetters, null, record -> {
            count[0]++;
            out.printf("%s %d:%d  %s  key=%s  type=%s%n    reason: %s%n    exception: %s%n",
                    Instant.ofEpochMilli(record.timestamp()), record.partition(), record.offset(), deadLetters,
                    text(record.key()), header(record.headers(), "ce_type"), header(record.headers(), REASON),
                    header(record.headers(), "kafka_dlt-exception-message"));
        });
        out.printf("%d dead letter(s) on %s%n", count[0], deadLetters);
    }

    void replay(String topic, Set<String> offsets, boolean all, boolean dryRun) {
        if (!all && offsets.isEmpty()) {
            throw new UsageException("name the dead letters to replay: --offset <partition>:<offset> ... or --all");
        }
        String deadLetters = deadLetterTopic(topic);
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        new TopicReader(kafka).read(deadLetters, null, record -> {
            if (all || offsets.contains(record.partition() + ":" + record.offset())) {
                chosen.add(record);
            }
        });
        if (!all && chosen.size() != offsets.size()) {
            throw new UsageException("found " + chosen.size() + " of the " + offsets.size() + " offsets named on "
                    + deadLetters + ": nothing replayed");
        }
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : kafka.producer()) {
            for (ConsumerRecord<byte[], byte[]> record : chosen) {
                String target = originalTopic(record, deadLetters);
                String from = deadLetters + "@" + record.partition() + ":" + record.offset();
                if (dryRun) {
                    out.printf("would replay %s to %s (key=%s)%n", from, target, text(record.key()));
                    continue;
                }
                Headers headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().startsWith(SPRING_DLT_PREFIX) && !header.key().equals(REASON)
                            && !header.key().equals(REPLAYED_FROM)) {
                        headers.add(header);
                    }
                }
                headers.add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
                var metadata = producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers)).get();
                out.printf("replayed %s to %s %d:%d%n", from, target, metadata.partition(), metadata.offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a replayed record: " + e.getCause().getMessage(), e);
        }
        out.printf("%d record(s) %s%n", chosen.size(), dryRun ? "would be replayed" : "replayed");
    }

    private static String deadLetterTopic(String topic) {
        return topic.endsWith(Topics.DLT_SUFFIX) ? topic : Topics.deadLetter(topic);
    }

    private static String originalTopic(ConsumerRecord<byte[], byte[]> record, String deadLetters) {
        String original = header(record.headers(), ORIGINAL_TOPIC);
        return original != null ? original : deadLetters.substring(0, deadLetters.length() - Topics.DLT_SUFFIX.length());
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
