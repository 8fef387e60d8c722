package io.wabiz.localstack.e2e;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.localstack.services.LocalSecrets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes send commands on the platform's topic the way the automations (scenario engine, billing
 * notifier) do: interactive messages and proactive notifications with a fallback template; and any other
 * record, as the ERP publishes its events.
 */
final class CommandPublisher implements AutoCloseable {

    private final KafkaProducer<String, TopicRecord> producer;

    CommandPublisher(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new CloudEventSerializer("/e2e-tests"));
    }

    /** Publishes a send command to the local business number; returns its idempotency key. */
    String send(String customerWaId, OutboundContent content, OutboundContent.Template fallback) {
        String id = UUID.randomUUID().toString();
        SendMessage command = new SendMessage(id, Instant.now(), LocalSecrets.PHONE_NUMBER_ID, customerWaId, content,
                fallback, "e2e-" + id, new Correlation(null, null, null, Correlation.Origin.AUTOMATION, "e2e-tests"), null);
        try {
            producer.send(new ProducerRecord<>(TopicCatalogue.carrying(SendMessage.class).topic(), command.key(), command))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the send command", e);
        }
        return command.idempotencyKey();
    }

    /** Publishes any platform record on the topic the catalogue names for it (the ERP's events, say). */
    void publish(TopicRecord record) {
        try {
            producer.send(new ProducerRecord<>(TopicCatalogue.carrying(record.getClass()).topic(), record.key(), record))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + record.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
