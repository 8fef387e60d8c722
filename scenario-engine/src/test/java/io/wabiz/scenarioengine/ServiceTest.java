package io.wabiz.scenarioengine;

import io.wabiz.events.EventJson;
import io.wabiz.events.Topics;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TopicWatcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of the integration tests (every subclass shares it): the whole engine on a random port,
 * against the JVM-wide KRaft broker and embedded MongoDB, fed and watched through real topics, called over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "scenario-engine")
@ActiveProfiles("test")
public abstract class ServiceTest {

    public static final String BUSINESS_NUMBER = "100000000000001";
    public static final String ADMIN = "test-admin-token";
    public static final String AGENT = "test-agent-token";

    protected static KafkaTestClient kafka;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    /** Everything the engine publishes, from the start of each test. */
    protected TopicWatcher out;

    @BeforeAll
    static void connectKafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.embedded();
        }
    }

    @BeforeEach
    void watch() {
        out = kafka.watch(Topics.OUTBOUND_COMMANDS, Topics.ERP_COMMANDS, Topics.NOTIFIER_REQUESTS, Topics.HANDOFFS,
                Topics.deadLetter(Topics.INBOUND_MESSAGES));
    }

    @AfterEach
    void stopWatching() {
        out.close();
    }

    /** A Senegalese mobile number no other test uses, as a wa_id. */
    protected static String newCustomer() {
        return "22177" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String newWamid() {
        return "wamid.TEST" + UUID.randomUUID().toString().replace("-", "");
    }

    protected static String newId(String model) {
        return model + "/" + ThreadLocalRandom.current().nextInt(1, 1_000_000_000);
    }

    public record Answer(int status, JsonNode body, String raw) {
    }

    protected Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        String json = body == null ? null : body instanceof String s ? s : EventJson.toJson(body);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode parsed = !isJson || response.body() == null || response.body().isBlank() ? null
                    : EventJson.mapper().readTree(response.body());
            return new Answer(response.statusCode(), parsed, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that no record of {@code type} matching arrives for {@code quietPeriod}. */
    protected <T extends io.wabiz.events.TopicRecord> void assertNone(Class<T> type,
                                                                     java.util.function.Predicate<? super T> matching,
                                                                     Duration quietPeriod) {
        org.awaitility.Awaitility.await().during(quietPeriod).atMost(quietPeriod.plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> out.events(type).stream().noneMatch(matching));
    }

    protected Answer get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    protected Answer post(String path, String token, Object body) {
        return call("POST", path, token, body, Map.of());
    }
}
