package io.wabiz.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator started for real on a random port, with a WireMock server standing for the
 * webhook-ingress. One Spring context for every HTTP test class (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class SimulatorHttpTest {

    protected static final String PHONE_ID = "100000000000001";
    protected static final String SLOW_PHONE_ID = "100000000000002";
    protected static final String WABA_ID = "200000000000001";
    protected static final String APP_SECRET = "local-app-secret";
    protected static final String TOKEN = "local-access-token";

    protected static final WireMockServer ingress = new WireMockServer(options().dynamicPort());

    static {
        ingress.start();
        Runtime.getRuntime().addShutdownHook(new Thread(ingress::stop));
    }

    @DynamicPropertySource
    static void ingressUrl(DynamicPropertyRegistry registry) {
        registry.add("simulator.webhook-url", () -> ingress.baseUrl() + "/webhook");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    protected RestClient http;

    @BeforeEach
    void freshSimulatorAndIngress() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        ingress.resetAll();
        ingress.stubFor(post("/webhook").willReturn(aResponse().withStatus(200)));
        assertThat(http.post().uri("/simulator/reset").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(204);
    }

    protected Answer graphPost(String path, String body) {
        return graphPost(path, body, TOKEN);
    }

    protected Answer graphPost(String path, String body, String token) {
        ResponseEntity<String> response = http.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(String.class);
        return answer(response);
    }

    protected Answer graphGet(String path) {
        return answer(http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .retrieve().toEntity(String.class));
    }

    protected Answer send(String body) {
        return graphPost("/v23.0/" + PHONE_ID + "/messages", body);
    }

    protected Answer simulator(String path, String body) {
        return answer(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class));
    }

    protected Answer simulatorGet(String path) {
        return answer(http.get().uri(path).retrieve().toEntity(String.class));
    }

    /** The customer writes first, which opens the 24-hour window; returns once the ingress got it. */
    protected String customerWrites(String waId, String text) {
        Answer answer = simulator("/simulator/customers/" + waId + "/messages",
                "{\"text\":\"" + text + "\",\"name\":\"Client " + waId + "\"}");
        assertThat(answer.status()).isEqualTo(202);
        String wamid = answer.json().path("wamid").stringValue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> webhooks().stream().anyMatch(r -> r.getBodyAsString().contains(wamid)));
        return wamid;
    }

    protected static String text(String to, String body) {
        return """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"preview_url":false,"body":"%s"}}""".formatted(to, body);
    }

    protected List<LoggedRequest> webhooks() {
        return ingress.findAll(postRequestedFor(urlEqualTo("/webhook")));
    }

    /** Waits for a webhook whose parsed body matches, and returns it. */
    protected LoggedRequest awaitWebhook(Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> webhooks().stream().filter(r -> matching.test(json.readTree(r.getBodyAsString()))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    protected JsonNode value(LoggedRequest webhook) {
        return json.readTree(webhook.getBodyAsString()).path("entry").path(0).path("changes").path(0).path("value");
    }

    protected static Predicate<JsonNode> statusOf(String wamid, String status) {
        return body -> {
            JsonNode s = body.path("entry").path(0).path("changes").path(0).path("value").path("statuses").path(0);
            return wamid.equals(s.path("id").asString("")) && status.equals(s.path("status").asString(""));
        };
    }

    protected static Predicate<JsonNode> messageReplyingTo(String wamid) {
        return body -> wamid.equals(body.path("entry").path(0).path("changes").path(0).path("value")
                .path("messages").path(0).path("context").path("id").asString(""));
    }

    /** Computed here, independently of the simulator's signer. */
    protected static String expectedSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Answer answer(ResponseEntity<String> response) {
        String body = response.getBody();
        return new Answer(response.getStatusCode().value(),
                body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body));
    }

    protected record Answer(int status, JsonNode json) {
        public int errorCode() {
            return json.path("error").path("code").asInt(-1);
        }
    }
}
