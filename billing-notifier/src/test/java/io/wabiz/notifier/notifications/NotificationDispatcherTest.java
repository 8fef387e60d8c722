package io.wabiz.notifier.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notification.SkipReason;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import io.wabiz.testsupport.TopicWatcher;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The crash window between the log and Kafka: a command decided but never acknowledged is published again under
 * its key when the fact comes again; once the sender settled the key, it is never planned again.
 */
class NotificationDispatcherTest {

    private static MongoClient client;
    private static NotificationLog log;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedMongoServer.connectionString("dispatcher-test"));
        log = new NotificationLog(new MongoTemplate(client, "dispatcher-test"));
        kafka = KafkaTestClient.embedded();
    }

    @AfterAll
    static void close() {
        client.close();
        kafka.close();
    }

    private static NotificationDispatcher dispatcher(String bootstrapServers) {
        KafkaTemplate<String, TopicRecord> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000), new StringSerializer(),
                new CloudEventSerializer("/test")));
        return new NotificationDispatcher(log, new TopicPublisher(template),
                new NotificationMetrics(new SimpleMeterRegistry()), Duration.ofSeconds(3), Clock.systemUTC());
    }

    private static NotificationPlan.Send plan(IdempotencyKey key) {
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), Instant.now(), "100000000000001",
                "221770000001", new OutboundContent.Text("Votre commande", false), null, key.toString(),
                new Correlation(ErpDocumentType.SALES_ORDER, key.documentId(), key.kind(),
                        Correlation.Origin.AUTOMATION, "billing-notifier"), null);
        return new NotificationPlan.Send(new NotificationPlan.Context(key, "p1", "1", "event-1", Instant.now(),
                Instant.now()), command);
    }

    private static IdempotencyKey newKey() {
        return IdempotencyKey.ofVersion(NotificationKind.ORDER_CREATED, ErpDocumentType.SALES_ORDER,
                String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L)), "1");
    }

    @Test
    void aCommandKafkaNeverAcknowledgedIsPublishedAgainUnderItsKeyThenNeverOnceSettled() throws Exception {
        IdempotencyKey key = newKey();
        NotificationPlan.Send first = plan(key);
        String deadBroker;
        try (ServerSocket reserved = new ServerSocket(0)) {
            deadBroker = "127.0.0.1:" + reserved.getLocalPort();
        }
        assertThatThrownBy(() -> dispatcher(deadBroker).execute(first)).hasMessageContaining("did not acknowledge");
        NotificationEntry decided = log.find(key.toString()).orElseThrow();
        assertThat(decided.state()).isEqualTo(NotificationState.PENDING);

        NotificationDispatcher working = dispatcher(SharedKafkaBroker.bootstrapServers());
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            NotificationPlan.Send redelivered = plan(key); // the redelivered event plans the same fact again
            assertThat(working.execute(redelivered)).isEqualTo(NotificationDispatcher.Result.REPUBLISHED);
            SendMessage published = commands.awaitEvent(SendMessage.class,
                    c -> c.idempotencyKey().equals(key.toString()));
            assertThat(published.id()).isEqualTo(redelivered.command().id());

            log.accepted(key.toString(), "wamid.SETTLED", io.wabiz.events.outbound.SendForm.FREE_FORM,
                    Instant.now()); // the sender's outcome
            assertThat(working.execute(plan(key))).isEqualTo(NotificationDispatcher.Result.DUPLICATE);
            org.awaitility.Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                    .until(() -> commands.events(SendMessage.class).size() == 1); // nothing after the settlement
        }
    }

    @Test
    void aSkipIsRecordedOnceAndAWaitBecomesASendWhenDecided() {
        NotificationDispatcher working = dispatcher(SharedKafkaBroker.bootstrapServers());
        IdempotencyKey skipped = newKey();
        NotificationPlan.Context context = plan(skipped).context();
        assertThat(working.execute(new NotificationPlan.Skip(context, SkipReason.OPTED_OUT)))
                .isEqualTo(NotificationDispatcher.Result.SKIPPED);
        assertThat(working.execute(plan(skipped))).isEqualTo(NotificationDispatcher.Result.DUPLICATE);
        assertThat(log.find(skipped.toString()).orElseThrow().skipReason()).isEqualTo(SkipReason.OPTED_OUT);

        IdempotencyKey waiting = newKey();
        assertThat(working.execute(new NotificationPlan.WaitForPartner(plan(waiting).context())))
                .isEqualTo(NotificationDispatcher.Result.WAITING);
        assertThat(working.execute(new NotificationPlan.WaitForPartner(plan(waiting).context())))
                .isEqualTo(NotificationDispatcher.Result.DUPLICATE);
        assertThat(working.execute(plan(waiting))).isEqualTo(NotificationDispatcher.Result.SENT);
        assertThat(log.find(waiting.toString()).orElseThrow().state()).isEqualTo(NotificationState.PENDING);
    }
}
