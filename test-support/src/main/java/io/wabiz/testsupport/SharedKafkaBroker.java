package io.wabiz.testsupport;

import io.wabiz.events.TopicCatalogue;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft Kafka broker for the whole test JVM, started on first use, with every topic of the
 * catalogue (and its dead-letter topic) created at its catalogue partition count.
 */
public final class SharedKafkaBroker {

    private static volatile EmbeddedKafkaKraftBroker broker;

    private SharedKafkaBroker() {
    }

    public static String bootstrapServers() {
        return broker().getBrokersAsString();
    }

    public static synchronized EmbeddedKafkaKraftBroker broker() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
            started.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "4",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            started.afterPropertiesSet();
            started.addTopics(TopicCatalogue.newTopics((short) 1).toArray(NewTopic[]::new));
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-kafka-broker-stop"));
            broker = started;
        }
        return broker;
    }
}
