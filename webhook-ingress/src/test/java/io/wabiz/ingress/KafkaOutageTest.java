package io.wabiz.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.WebhookReceived;
import io.wabiz.ingress.webhook.WebhookSignature;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TestHttp;
import io.wabiz.testsupport.TopicWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingress against a broker of its own, on a fixed port, that this test stops and starts again
 * (the JVM-wide broker of the other tests is left alone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ingress.publish-timeout=2s")
@ActiveProfiles("test")
class KafkaOutageTest {

    /** publish-timeout (2 s) + max.block (250 ms) + scheduling slack on a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final EmbeddedKafkaKraftBroker BROKER = startBroker();

    @LocalServerPort
    int port;

    private final TestHttp http = new TestHttp(() -> port);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    @Test
    void answers503InBoundedTimeWhileTheBrokerIsDownThenStoresMetasRetryExactlyOnce() {
        byte[] warmUp = Fixtures.meta("textMessageStatusSent");
        assertThat(post(warmUp).statusCode()).isEqualTo(200);
        byte[] body = Fixtures.own("severalEntriesAndChanges");

        brokers(BrokerServer::shutdown);
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/actuator/health/readiness").statusCode() == 503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        HttpResponse<String> refused = post(body);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"status\":503").doesNotContain("Exception");
        // it cannot know that nothing was stored: it must not say so
        assertThat(refused.body()).doesNotContain("Nothing was stored").contains("may have been");
        assertThat(took).isLessThan(BOUND);
        LoggerFactory.getLogger(KafkaOutageTest.class).info("503 answered after {} ms with the broker down", took.toMillis());

        brokers(BrokerServer::startup);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        // as Meta does: it retries until it gets a 2xx (right after the restart the producer may still be
        // reloading the topics' metadata, and a send that never left answers 503 and is not written)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> retried = post(body);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        });

        try (KafkaTestClient client = new KafkaTestClient(BROKER.getBrokersAsString());
             TopicWatcher watcher = client.watchFromBeginning(IngressHttpTest.TOPICS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> watcher.events(WebhookReceived.class).size() >= 2);
            // everything of both POSTs, and nothing that was answered 503 came back later
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> watcher.records().size() == (1 + 1) + (1 + 11));
            String rawBody = new String(body, StandardCharsets.UTF_8);
            assertThat(watcher.events(WebhookReceived.class)).filteredOn(r -> r.rawBody().equals(rawBody)).hasSize(1);
            assertThat(watcher.events(InboundMessageReceived.class)).extracting(InboundMessageReceived::wamid)
                    .containsExactlyInAnyOrder("wamid.MULTI-A-1", "wamid.MULTI-B-1", "wamid.MULTI-A-2",
                            "wamid.MULTI-A-3", "wamid.MULTI-C-1");
            assertThat(watcher.events(MessageStatusChanged.class)).hasSize(1 + 5);
        }
    }

    private static void brokers(java.util.function.Consumer<BrokerServer> action) {
        BROKER.getCluster().brokers().values().forEach(action);
    }

    private HttpResponse<String> post(byte[] body) {
        return IngressHttpTest.post(http, "POST", body, WebhookSignature.sign(IngressHttpTest.SECRET, body),
                "application/json");
    }

    private HttpResponse<String> get(String path) {
        return http.get(path);
    }

    private static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.kafkaPorts(freePort()); // fixed, so that clients find it again after a restart
        broker.brokerProperties(java.util.Map.of("group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "1"));
        broker.afterPropertiesSet();
        broker.addTopics(Arrays.stream(TopicCatalogue.values())
                .filter(t -> Arrays.asList(IngressHttpTest.TOPICS).contains(t.topic()))
                .map(t -> new NewTopic(t.topic(), t.partitions(), (short) 1)).toArray(NewTopic[]::new));
        return broker;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
