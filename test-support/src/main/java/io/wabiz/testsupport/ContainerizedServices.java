package io.wabiz.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Real Kafka (KRaft) and MongoDB images, started once per JVM where Docker exists. */
public final class ContainerizedServices {

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    private ContainerizedServices() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    public static synchronized String mongoConnectionString(String database) {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:8.0");
            mongo.start();
        }
        return mongo.getReplicaSetUrl(database);
    }
}
