package io.wabiz.simulator.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabiz.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The local stack's payment provider: Wave's Checkout API shapes, a checkout page, a signed webhook on "Payer". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentsSimulatorTest {

    private static final String SECRET = "wave_sn_WHS_local-simulator-secret";
    private static final WireMockServer NOTIFIER = start();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post("/payments/callbacks/wave").willReturn(aResponse().withStatus(200)));
        return server;
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("simulator.payments.webhook-url", () -> NOTIFIER.baseUrl() + "/payments/callbacks/wave");
    }

    @AfterAll
    static void stop() {
        NOTIFIER.stop();
    }

    @Test
    void checkoutSessionIsPaidOnItsPageWithASignedWebhookAndTheBrowserSentBack() throws Exception {
        HttpResponse<String> created = send("POST", "/wave/v1/checkout/sessions", """
                {"amount":"40000","currency":"XOF","client_reference":"pay-abc",
                 "success_url":"http://localhost:8084/pay/return/pay-abc?outcome=done",
                 "error_url":"http://localhost:8084/pay/return/pay-abc?outcome=failed"}""");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode session = EventJson.mapper().readTree(created.body());
        String id = session.path("id").asString();
        assertThat(id).startsWith("cos-");
        assertThat(session.path("checkout_status").asString()).isEqualTo("open");
        String launch = session.path("wave_launch_url").asString();
        assertThat(launch).isEqualTo("http://localhost:" + port + "/payments/checkout/" + id);

        HttpResponse<String> page = send("GET", "/payments/checkout/" + id, null);
        assertThat(page.body()).contains("40000 XOF", "Payer", "pay-abc", "data-testid=\"checkout-pay\"",
                "data-testid=\"checkout-cancel\"");

        HttpResponse<String> paid = send("POST", "/payments/checkout/" + id + "/pay", null);
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue("http://localhost:8084/pay/return/pay-abc?outcome=done");

        List<LoggedRequest> webhooks = NOTIFIER.findAll(postRequestedFor(urlEqualTo("/payments/callbacks/wave")));
        assertThat(webhooks).hasSize(1);
        String signature = webhooks.getFirst().getHeader("Wave-Signature");
        String t = signature.substring(2, signature.indexOf(','));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(t.getBytes(StandardCharsets.UTF_8));
        assertThat(signature).endsWith("v1=" + HexFormat.of().formatHex(mac.doFinal(webhooks.getFirst().getBody())));
        JsonNode event = EventJson.mapper().readTree(webhooks.getFirst().getBodyAsString());
        assertThat(event.path("type").asString()).isEqualTo("checkout.session.completed");
        assertThat(event.path("data").path("id").asString()).isEqualTo(id);

        JsonNode read = EventJson.mapper().readTree(send("GET", "/wave/v1/checkout/sessions/" + id, null).body());
        assertThat(read.path("checkout_status").asString()).isEqualTo("complete");
        assertThat(read.path("payment_status").asString()).isEqualTo("succeeded");
        assertThat(read.path("transaction_id").asString()).startsWith("T");
        assertThat(send("POST", "/payments/checkout/" + id + "/pay", null).statusCode()).isEqualTo(409);
        JsonNode search = EventJson.mapper().readTree(send("GET",
                "/wave/v1/checkout/sessions/search?client_reference=pay-abc", null).body());
        assertThat(search.path("result")).hasSize(1);
    }

    @Test
    void refusesFieldsWaveDoesNotDocument() throws Exception {
        HttpResponse<String> refused = send("POST", "/wave/v1/checkout/sessions",
                "{\"amount\":\"100\",\"currency\":\"XOF\",\"success_url\":\"x\",\"error_url\":\"y\",\"metadata\":{}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("request-validation-error");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer wave_sn_local_key");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
