package io.wabiz.reminders;

import static org.awaitility.Awaitility.await;

import io.wabiz.events.EventJson;
import io.wabiz.reminders.clock.OffsetClock;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of the service tests (every subclass shares it): the whole service on a random port,
 * against the JVM-wide KRaft broker and embedded MongoDB, called over real HTTP. The schedule is off: each test
 * moves the clock to the day it means and runs it through the admin API, as a person would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "reminder-scheduler")
@ActiveProfiles("test")
public abstract class ServiceTest {

    public static final String ADMIN = "test-admin-token";
    public static final String AGENT = "test-agent-token";
    public static final String BUSINESS_NUMBER = "100000000000001";

    private static final AtomicInteger COMPANIES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static KafkaTestClient kafka;

    @LocalServerPort
    protected int port;

    @Autowired
    protected OffsetClock clock;

    @BeforeAll
    static void connectKafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.embedded();
        }
    }

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    /** A company id no other test uses: its invoices and runs are the test's own (default cadence, default number). */
    protected static String newCompany() {
        return "res.company/t" + COMPANIES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    public record Answer(int status, JsonNode body, String raw) {
    }

    /** {@code 2026-04-11T10:00} in Dakar, the default companies' zone. */
    protected static Instant dakar(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Africa/Dakar")).toInstant();
    }

    /** Waits until the service's projection shows the invoice in a state that matches. */
    protected JsonNode awaitInvoice(String invoiceId, Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/admin/log?invoiceId=" + q(invoiceId), ADMIN).body().path("invoice"),
                        invoice -> !invoice.isMissingNode() && !invoice.isNull() && matching.test(invoice));
    }

    protected JsonNode awaitInvoice(String invoiceId) {
        return awaitInvoice(invoiceId, invoice -> true);
    }

    /** Waits until the service's projection knows the partner. */
    protected void awaitPartner(String partnerId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/admin/partners?partnerId=" + q(partnerId), ADMIN).status() == 200);
    }

    /** Runs a company now through the admin API and returns the run's outcome. */
    protected JsonNode runNow(String company) {
        Answer answer = post("/admin/runs?company=" + q(company), ADMIN, null);
        if (answer.status() != 200) {
            throw new AssertionError("run of " + company + " answered " + answer.status() + ": " + answer.raw());
        }
        return answer.body();
    }

    protected JsonNode log(String invoiceId) {
        return get("/admin/log?invoiceId=" + q(invoiceId), ADMIN).body();
    }

    protected Answer get(String path, String token) {
        return call("GET", path, token, null);
    }

    protected Answer post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    protected Answer put(String path, String token, Object body) {
        return call("PUT", path, token, body);
    }

    protected Answer delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    protected static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A text answer, such as the Prometheus scrape. */
    protected String getText(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Answer call(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String json = body == null ? null : body instanceof String s ? s : EventJson.toJson(body);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode parsed = !isJson || response.body().isBlank() ? null
                    : EventJson.mapper().readTree(response.body());
            return new Answer(response.statusCode(), parsed, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
