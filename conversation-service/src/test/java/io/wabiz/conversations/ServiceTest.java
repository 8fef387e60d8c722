package io.wabiz.conversations;

import io.wabiz.events.EventJson;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of the integration tests (every subclass shares it): the whole service on a
 * random port, against the JVM-wide KRaft broker and embedded MongoDB, called over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "conversation-service")
@ActiveProfiles("test")
public abstract class ServiceTest {

    public static final String BUSINESS_NUMBER = "100000000000001";
    public static final String ADMIN = "test-admin-token";
    public static final String AGENT = "test-agent-token";
    public static final String VIEWER = "test-viewer-token";

    protected static KafkaTestClient kafka;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void connectKafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.embedded();
        }
    }

    @AfterAll
    static void keepKafkaForTheNextClass() {
        // one client for the whole JVM, like the broker it talks to
    }

    /** A Senegalese mobile number no other test uses, as a wa_id (221 77 xxx xx xx). */
    protected static String newCustomer() {
        return "22177" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String newWamid() {
        return "wamid.TEST" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A JSON answer of the API. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    protected Answer get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    protected Answer post(String path, String token, Object body) {
        return call("POST", path, token, body, Map.of());
    }

    protected Answer post(String path, String token, Object body, Map<String, String> headers) {
        return call("POST", path, token, body, headers);
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
            return new Answer(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
