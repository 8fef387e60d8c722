package io.wabiz.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

@SpringBootTest(classes = PlatformKafkaAutoConfigurationTest.App.class, properties = {
        "spring.application.name=platform-kafka-test",
        "platform.kafka.retry.initial-interval=20ms",
        // a service's configuration cannot make its producers less durable
        "spring.kafka.producer.acks=1",
        "spring.kafka.producer.properties.enable.idempotence=false"})
@EmbeddedInfrastructure
class PlatformKafkaAutoConfigurationTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Autowired
    TopicPublisher publisher;

    @Autowired
    Listener listener;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProducerFactory<String, TopicRecord> producerFactory;

    @Test
    void publisherWritesToTheCatalogueTopicUnderTheRecordKeyWithCloudEventsHeaders() throws Exception {
        SendDocumentDetails request = request("ok-" + UUID.randomUUID());
        try (TopicWatcher watcher = kafka.watch(Topics.NOTIFIER_REQUESTS)) {
            publisher.publish(request).get();

            var record = watcher.awaitRecord(r -> request.documentId().equals(r.key()));
            assertThat(TopicWatcher.header(record, CloudEventHeaders.SOURCE)).contains("/platform-kafka-test");
            assertThat(TopicWatcher.header(record, CloudEventHeaders.TYPE)).contains("io.wabiz.SendDocumentDetails");
        }
        await().untilAsserted(() -> assertThat(listener.processed).contains(request));
    }

    @Test
    void producersAcknowledgeOnlyWhatAllReplicasHaveWhateverTheServiceConfigures() {
        assertThat(producerFactory.getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void publishAndWaitReturnsOnceTheBrokerHasTheRecord() {
        SendDocumentDetails request = request("ok-" + UUID.randomUUID());
        try (TopicWatcher watcher = kafka.watch(Topics.NOTIFIER_REQUESTS)) {
            RecordMetadata stored = publisher.publishAndWait(request, Duration.ofSeconds(10));

            assertThat(stored.topic()).isEqualTo(Topics.NOTIFIER_REQUESTS);
            assertThat(stored.hasOffset()).isTrue();
            assertThat(watcher.awaitRecord(r -> request.documentId().equals(r.key())).offset())
                    .isEqualTo(stored.offset());
        }
    }

    @Test
    void publishAndWaitFailsNamingTheRecordWhenTheBrokerDoesNotAcknowledge() {
        SendDocumentDetails request = request("ok-" + UUID.randomUUID());
        MockProducer<String, TopicRecord> silent = new MockProducer<>(false, null, new StringSerializer(),
                (topic, record) -> new byte[0]);
        TopicPublisher unacknowledged = new TopicPublisher(new KafkaTemplate<>(() -> silent));

        assertThatThrownBy(() -> unacknowledged.publishAndWait(request, Duration.ofMillis(200)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("SendDocumentDetails " + request.id())
                .hasMessageContaining("not acknowledged within PT0.2S");
    }

    @Test
    void aServiceWithoutTemplateOrListenersGetsNeitherPublisherNorDeadLetterHandler() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformKafkaAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(TopicPublisher.class);
                    assertThat(context).doesNotHaveBean(CommonErrorHandler.class);
                    assertThat(context).doesNotHaveBean(DeadLetters.class);
                    assertThat(context).hasBean("platformDurableProducers");
                });
    }

    @Test
    void failingRecordIsRetriedThenParkedOnItsDeadLetterTopicWithTheReason() {
        SendDocumentDetails request = request("fail-" + UUID.randomUUID());
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.NOTIFIER_REQUESTS))) {
            kafka.publish(request);

            var dead = deadLetters.awaitRecord(r -> request.documentId().equals(r.key()));
            assertThat(TopicWatcher.header(dead, PlatformKafkaAutoConfiguration.REASON_HEADER))
                    .contains("IllegalStateException: ERP unreachable for " + request.documentId());
            assertThat(deadLetters.events(SendDocumentDetails.class)).contains(request);
        }
        assertThat(listener.attempts.get(request.documentId())).isEqualTo(3);
        assertThat(meters.counter(PlatformKafkaAutoConfiguration.DEAD_LETTER_METRIC,
                "topic", Topics.NOTIFIER_REQUESTS, "exception", "IllegalStateException").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badInputIsNotRetried() {
        SendDocumentDetails request = request("bad-" + UUID.randomUUID());
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.NOTIFIER_REQUESTS))) {
            kafka.publish(request);

            var dead = deadLetters.awaitRecord(r -> request.documentId().equals(r.key()));
            assertThat(TopicWatcher.header(dead, PlatformKafkaAutoConfiguration.REASON_HEADER))
                    .contains("IllegalArgumentException: no such document " + request.documentId());
        }
        assertThat(listener.attempts.get(request.documentId())).isEqualTo(1);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithItsOriginalBytes() {
        String key = "unreadable-" + UUID.randomUUID();
        byte[] body = "{\"documentId\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.NOTIFIER_REQUESTS))) {
            kafka.publishRaw(Topics.NOTIFIER_REQUESTS, key, body,
                    List.of(new RecordHeader(CloudEventHeaders.TYPE, "NoSuchEvent".getBytes(StandardCharsets.UTF_8))));

            var dead = deadLetters.awaitRecord(r -> key.equals(r.key()));
            assertThat(dead.value()).isEqualTo(body);
            assertThat(TopicWatcher.header(dead, PlatformKafkaAutoConfiguration.REASON_HEADER).orElseThrow())
                    .contains("unknown ce_type 'NoSuchEvent'");
        }
        assertThat(listener.attempts).doesNotContainKey(key);
    }

    @Test
    void aHealthyRecordAfterAPoisonOneIsStillProcessed() {
        String key = "unreadable-" + UUID.randomUUID();
        kafka.publishRaw(Topics.NOTIFIER_REQUESTS, key, "not json".getBytes(StandardCharsets.UTF_8), List.of());
        SendDocumentDetails next = request("ok-" + UUID.randomUUID());
        kafka.publish(next);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(listener.processed).contains(next));
    }

    private static SendDocumentDetails request(String documentId) {
        return new SendDocumentDetails(UUID.randomUUID().toString(), Instant.now(), ErpDocumentType.INVOICE,
                documentId, NotificationKind.INVOICE_DETAILS, "100000000000001", "221771234567", "wamid.x");
    }

    @SpringBootApplication
    static class App {
        @Bean
        Listener listener() {
            return new Listener();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    static class Listener {
        final List<SendDocumentDetails> processed = new CopyOnWriteArrayList<>();
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();

        @KafkaListener(topics = Topics.NOTIFIER_REQUESTS)
        void on(SendDocumentDetails request) {
            attempts.merge(request.documentId(), 1, Integer::sum);
            if (request.documentId().startsWith("fail-")) {
                throw new IllegalStateException("ERP unreachable for " + request.documentId());
            }
            if (request.documentId().startsWith("bad-")) {
                throw new IllegalArgumentException("no such document " + request.documentId());
            }
            processed.add(request);
        }
    }
}
