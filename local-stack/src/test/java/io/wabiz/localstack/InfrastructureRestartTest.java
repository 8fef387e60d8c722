package io.wabiz.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's own infrastructure (no services): the broker process with the catalogue topics and the
 * file-backed MongoDB process, stopped and started again on the same data folder.
 */
class InfrastructureRestartTest {

    private static final Path DATA = Path.of("target/infrastructure-test").toAbsolutePath();
    private static StackSettings settings;
    private static RunningStack stack;

    @BeforeAll
    static void startInfrastructure() throws IOException {
        deleteRecursively(DATA);
        settings = StackSettings.local(Path.of("..")).withDataDirectory(DATA).withPorts(StackPorts.free())
                .withServices(Set.of());
        stack = new LocalStack(settings, System.out::println).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void createsEveryCatalogueTopicAndItsDeadLetterTopicWithCataloguePartitionsAndCompaction() throws Exception {
        try (Admin admin = admin()) {
            List<String> names = new ArrayList<>();
            for (TopicCatalogue topic : TopicCatalogue.values()) {
                names.add(topic.topic());
                names.add(topic.deadLetterTopic());
            }
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (TopicCatalogue topic : TopicCatalogue.values()) {
                assertThat(described.get(topic.topic()).partitions()).hasSize(topic.partitions());
                assertThat(described.get(topic.deadLetterTopic()).partitions()).hasSize(topic.partitions());
            }
            ConfigResource templates = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TEMPLATES);
            assertThat(admin.describeConfigs(List.of(templates)).all().get().get(templates)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void reportsTheResidentMemoryOfItsProcessesAndWritesTheirLogs() {
        assertThat(stack.totalRss()).isPresent();
        assertThat(stack.totalRss().getAsLong()).isGreaterThan(50L * 1024 * 1024);
        assertThat(stack.processes()).extracting(p -> p.logFile().getFileName().toString())
                .containsExactlyInAnyOrder("kafka.log", "mongodb.log");
        assertThat(stack.startupTime()).isPositive();
    }

    @Test
    void keepsMongoDocumentsAndKafkaRecordsWhenStoppedAndStartedAgain() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (MongoClient mongo = MongoClients.create(stack.mongoUri("restart-test"))) {
            mongo.getDatabase("restart-test").getCollection("notes").insertOne(new Document("_id", marker));
        }
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ERP_PARTNERS, marker, "{\"note\":\"" + marker + "\"}")).get();
        }
        List<Long> pidsBefore = stack.processes().stream().map(p -> p.pid()).toList();

        stack.close();
        assertThat(pidsBefore).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        stack = new LocalStack(settings, System.out::println).start();

        try (MongoClient mongo = MongoClients.create(stack.mongoUri("restart-test"))) {
            assertThat(mongo.getDatabase("restart-test").getCollection("notes").find(new Document("_id", marker)).first())
                    .isNotNull();
        }
        assertThat(readAll(Topics.ERP_PARTNERS)).extracting(ConsumerRecord::key).contains(marker);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties); Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return Admin.create(properties);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
