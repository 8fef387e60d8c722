package io.wabiz.notifier.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.wabiz.events.EventJson;
import io.wabiz.notifier.payments.CallbackVerdict.SessionMatch;
import io.wabiz.notifier.payments.ProviderStatus.Status;
import io.wabiz.notifier.payments.WaveCheckout.WebhookStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Wave Checkout adapter against WireMock playing api.wave.com, with Wave's documented shapes. */
class WaveCheckoutTest {

    private static final String API_KEY = "wave_sn_prod_test-api-key";
    private static final String SECRET = "wave_sn_WHS_test-signing-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T17:01:15Z");
    private static WireMockServer wave;

    @BeforeAll
    static void startWave() {
        wave = new WireMockServer(wireMockConfig().dynamicPort());
        wave.start();
        // the first call of a JVM loads the HTTP client and WireMock's handlers: not what the timeouts are about
        wave(WebhookStrategy.SIGNING_SECRET).fetchStatus(session());
    }

    @AfterAll
    static void stopWave() {
        wave.stop();
    }

    @BeforeEach
    void reset() {
        wave.resetAll();
    }

    @Test
    void createsSessionWithStringAmountAndOnlyDocumentedFields() {
        wave.stubFor(post("/v1/checkout/sessions").willReturn(okJson(resource("checkout-session-open.json"))));

        SessionOutcome outcome = wave(WebhookStrategy.SIGNING_SECRET).createSession(request("295000"));

        assertThat(outcome).isEqualTo(new SessionOutcome.Created("cos-1ya2rewh0139m",
                URI.create("https://pay.wave.com/c/cos-1ya2rewh0139m?a=295000&c=XOF&m=Sahel%20Mat%C3%A9riaux"),
                Instant.parse("2026-11-24T17:25:44Z"), Map.of()));
        wave.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson("""
                        {"amount":"295000","currency":"XOF","client_reference":"inv-5531-1",
                         "success_url":"https://pay.wabiz.example/pay/abc/done",
                         "error_url":"https://pay.wabiz.example/pay/abc/failed"}""")));
        JsonNode sent = EventJson.mapper().readTree(wave.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(sent.propertyNames()).containsExactlyInAnyOrder("amount", "currency", "client_reference",
                "success_url", "error_url");
    }

    @Test
    void refusesFractionalFrancsBeforeAnyCall() {
        assertThatThrownBy(() -> request("1500.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals");
        assertThat(request("15000.00").plainAmount()).isEqualTo("15000");
    }

    @Test
    void validationErrorIsRejectedWithWavesCode() {
        wave.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":"request-validation-error","message":"Request invalid",
                         "details":[{"loc":["metadata"],"msg":"extra fields not permitted","type":"value_error.extra"}]}""")));

        assertThat(wave(WebhookStrategy.SIGNING_SECRET).createSession(request("295000")))
                .isEqualTo(new SessionOutcome.Rejected("request-validation-error", "Request invalid"));
    }

    @Test
    void serverErrorsRateLimitsAndTimeoutsLeaveTheOutcomeUnknown() {
        WaveCheckout adapter = wave(WebhookStrategy.SIGNING_SECRET);
        wave.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(503)
                .withBody("{\"code\":\"service-unavailable\"}")));
        assertThat(adapter.createSession(request("295000"))).isInstanceOf(SessionOutcome.Unknown.class);

        wave.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(429)));
        assertThat(adapter.createSession(request("295000"))).isInstanceOf(SessionOutcome.Unknown.class);

        wave.stubFor(post("/v1/checkout/sessions").willReturn(okJson(resource("checkout-session-open.json"))
                .withFixedDelay(2500)));
        assertThat(adapter.createSession(request("295000"))).isInstanceOf(SessionOutcome.Unknown.class);
    }

    @Test
    void unreachableWaveIsRejectedAsUnavailable() {
        WaveCheckout closed = new WaveCheckout(settings(URI.create("http://127.0.0.1:1"), WebhookStrategy.SIGNING_SECRET));

        assertThat(closed.createSession(request("295000"))).isInstanceOfSatisfying(SessionOutcome.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("provider-unavailable"));
    }

    @Test
    void lostCreateIsRecoveredBySearchingOurReference() {
        wave.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/search")).willReturn(okJson(
                "{\"result\":[" + resource("checkout-session-open.json") + "]}")));

        assertThat(wave(WebhookStrategy.SIGNING_SECRET).findByReference("inv-5531-1"))
                .hasValueSatisfying(found -> assertThat(found.providerRef()).isEqualTo("cos-1ya2rewh0139m"));
        wave.verify(getRequestedFor(urlEqualTo("/v1/checkout/sessions/search?client_reference=inv-5531-1")));

        wave.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/search")).willReturn(okJson("{\"result\":[]}")));
        assertThat(wave(WebhookStrategy.SIGNING_SECRET).findByReference("inv-5531-1")).isEmpty();
    }

    @Test
    void statusOfACompletedSessionCarriesAmountAndTransaction() {
        JsonNode event = EventJson.mapper().readTree(resource("checkout-session-completed-event.json"));
        wave.stubFor(get("/v1/checkout/sessions/cos-1ya2rewh0139m").willReturn(okJson(event.path("data").toString())));

        ProviderStatus status = wave(WebhookStrategy.SIGNING_SECRET).fetchStatus(session());

        assertThat(status.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(status.paidAmount()).isEqualByComparingTo("295000");
        assertThat(status.currency()).isEqualTo("XOF");
        assertThat(status.transactionId()).isEqualTo("TRG7XHH6UNR2SOACI");
        assertThat(status.paidAt()).isEqualTo(Instant.parse("2026-11-24T17:01:12Z"));
    }

    @Test
    void everyDocumentedStateMapsAndAnUnseenOneIsUnknown() {
        assertThat(state("open", "processing", null)).isEqualTo(Status.PENDING);
        assertThat(state("open", "processing", "insufficient-funds")).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(state("complete", "succeeded", null)).isEqualTo(Status.SUCCEEDED);
        assertThat(state("complete", "cancelled", null)).isEqualTo(Status.FAILED_FINAL);
        assertThat(state("expired", "processing", null)).isEqualTo(Status.EXPIRED);
        assertThat(state("archived-by-mars", "teleported", null)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void acceptsSignatureOverTimestampAndRawBody() {
        byte[] body = resource("checkout-session-completed-event.json").getBytes(StandardCharsets.UTF_8);
        String t = String.valueOf(NOW.minusSeconds(3).getEpochSecond());

        CallbackVerdict verdict = wave(WebhookStrategy.SIGNING_SECRET).verifyCallback(
                callback(body, "Wave-Signature", "t=" + t + ",v1=" + sign(SECRET, t, body)));

        assertThat(verdict).isEqualTo(new CallbackVerdict.Verified("AE_sn_H1N-vRZsWyU1",
                new SessionMatch.ByProviderRef("cos-1ya2rewh0139m"), "checkout.session.completed"));
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnoughDuringRotation() {
        byte[] body = resource("checkout-session-completed-event.json").getBytes(StandardCharsets.UTF_8);
        String t = String.valueOf(NOW.getEpochSecond());
        String header = "t=" + t + ",v1=" + sign("old-secret", t, body) + ",v1=" + sign(SECRET, t, body);

        assertThat(wave(WebhookStrategy.SIGNING_SECRET).verifyCallback(callback(body, "wave-signature", header)))
                .isInstanceOf(CallbackVerdict.Verified.class);
    }

    @Test
    void refusesTamperedBodyWrongSecretMissingTimestampStripeStyleDigestAndNonHex() {
        WaveCheckout adapter = wave(WebhookStrategy.SIGNING_SECRET);
        byte[] body = resource("checkout-session-completed-event.json").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("295000", "2950000")
                .getBytes(StandardCharsets.UTF_8);
        String t = String.valueOf(NOW.getEpochSecond());
        byte[] dotted = ("." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        for (InboundCallback forged : List.of(
                callback(tampered, "Wave-Signature", "t=" + t + ",v1=" + sign(SECRET, t, body)),
                callback(body, "Wave-Signature", "t=" + t + ",v1=" + sign("another-secret", t, body)),
                callback(body, "Wave-Signature", "v1=" + sign(SECRET, t, body)),
                callback(body, "Wave-Signature", "t=" + t + ",v1=" + sign(SECRET, t, dotted)),
                callback(body, "Wave-Signature", "t=" + t + ",v1=not-hex-at-all"),
                callback(body, "Authorization", "Bearer " + SECRET))) {
            assertThat(adapter.verifyCallback(forged)).isInstanceOf(CallbackVerdict.Rejected.class);
        }
    }

    @Test
    void refusesDeliveriesSignedOutsideTheReplayWindow() {
        WaveCheckout adapter = wave(WebhookStrategy.SIGNING_SECRET);
        byte[] body = resource("checkout-session-completed-event.json").getBytes(StandardCharsets.UTF_8);
        for (Instant signedAt : List.of(NOW.minus(Duration.ofMinutes(6)), NOW.plus(Duration.ofMinutes(6)))) {
            String t = String.valueOf(signedAt.getEpochSecond());
            assertThat(adapter.verifyCallback(callback(body, "Wave-Signature", "t=" + t + ",v1=" + sign(SECRET, t, body))))
                    .isInstanceOfSatisfying(CallbackVerdict.Rejected.class,
                            rejected -> assertThat(rejected.reason()).contains("window"));
        }
    }

    @Test
    void sharedSecretIsAcceptedOnlyWhenConfiguredForIt() {
        byte[] body = resource("checkout-session-completed-event.json").getBytes(StandardCharsets.UTF_8);

        assertThat(wave(WebhookStrategy.SHARED_SECRET).verifyCallback(callback(body, "Authorization", "Bearer " + SECRET)))
                .isInstanceOf(CallbackVerdict.Verified.class);
        assertThat(wave(WebhookStrategy.SHARED_SECRET).verifyCallback(callback(body, "Authorization", "Bearer nope")))
                .isInstanceOf(CallbackVerdict.Rejected.class);
        assertThat(wave(WebhookStrategy.SIGNING_SECRET).verifyCallback(callback(body, "Authorization", "Bearer " + SECRET)))
                .isInstanceOf(CallbackVerdict.Rejected.class);
    }

    @Test
    void portalTestEventIsIgnoredNotRejected() {
        byte[] body = "{\"id\":\"AE_test\",\"type\":\"test.test_event\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        String t = String.valueOf(NOW.getEpochSecond());

        assertThat(wave(WebhookStrategy.SIGNING_SECRET).verifyCallback(
                callback(body, "Wave-Signature", "t=" + t + ",v1=" + sign(SECRET, t, body))))
                .isInstanceOf(CallbackVerdict.Ignored.class);
    }

    @Test
    void secretsStayOutOfToStrings() {
        assertThat(settings(URI.create(wave.baseUrl()), WebhookStrategy.SIGNING_SECRET).toString())
                .doesNotContain(API_KEY, SECRET);
    }

    private static Status state(String checkout, String payment, String errorCode) {
        String error = errorCode == null ? "null" : "{\"code\":\"" + errorCode + "\",\"message\":\"x\"}";
        return WaveCheckout.status(EventJson.mapper().readTree("{\"id\":\"cos-1\",\"amount\":\"100\",\"currency\":\"XOF\","
                + "\"checkout_status\":\"" + checkout + "\",\"payment_status\":\"" + payment
                + "\",\"last_payment_error\":" + error + "}")).status();
    }

    private static WaveCheckout wave(WebhookStrategy strategy) {
        return new WaveCheckout(settings(URI.create(wave.baseUrl()), strategy));
    }

    static WaveCheckout.Settings settings(URI baseUrl, WebhookStrategy strategy) {
        return new WaveCheckout.Settings("wave", "Wave", baseUrl, API_KEY, strategy, SECRET, Duration.ofMinutes(5),
                null, Set.of("XOF"), Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    private static SessionRequest request(String amount) {
        return new SessionRequest("inv-5531-1", new BigDecimal(amount), "XOF",
                URI.create("https://pay.wabiz.example/pay/abc/done"), URI.create("https://pay.wabiz.example/pay/abc/failed"),
                null, "fr", "Facture INV/2026/00412");
    }

    private static ProviderSession session() {
        return new ProviderSession("inv-5531-1", "cos-1ya2rewh0139m", new BigDecimal("295000"), "XOF", Map.of());
    }

    private static InboundCallback callback(byte[] body, String header, String value) {
        return new InboundCallback(body, Map.of(header, List.of(value)), NOW);
    }

    static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(WaveCheckout.hmac(secret, timestamp, body));
    }

    static String resource(String name) {
        try (InputStream in = WaveCheckoutTest.class.getResourceAsStream("/wave/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
