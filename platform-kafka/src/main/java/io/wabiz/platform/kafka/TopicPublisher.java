package io.wabiz.platform.kafka;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    public CompletableFuture<SendResult<String, TopicRecord>> publish(String topic, TopicRecord record) {
        return kafka.send(topic, record.key(), record);
    }
}
