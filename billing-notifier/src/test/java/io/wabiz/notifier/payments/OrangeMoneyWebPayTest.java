package io.wabiz.notifier.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.wabiz.notifier.payments.CallbackVerdict.SessionMatch;
import io.wabiz.notifier.payments.ProviderStatus.Status;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Orange Money Web Payment adapter against WireMock playing api.orange.com. */
class OrangeMoneyWebPayTest {

    private static final String WEBPAYMENT = "/orange-money-webpay/dev/v1/webpayment";
    private static final String STATUS = "/orange-money-webpay/dev/v1/transactionstatus";
    private static final String CREATED = """
            {"status":201,"message":"OK","pay_token":"v1d3a5bc0c7e5b1e0e16fdc8ce1bb9cf1a8a1b3b2f6",
             "payment_url":"https://webpayment-qualif.orange-money.com/payment/pay_token/v1d3a5bc0c7e5b1e0e16fdc8ce1bb9cf1a8a1b3b2f6",
             "notif_token":"dd497bda3b250e536186fc0663f32f40"}""";
    private static WireMockServer orange;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));

    @BeforeAll
    static void startOrange() {
        orange = new WireMockServer(wireMockConfig().dynamicPort());
        orange.start();
    }

    @AfterAll
    static void stopOrange() {
        orange.stop();
    }

    @BeforeEach
    void reset() {
        orange.resetAll();
        orange.stubFor(post("/oauth/v3/token").willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"access_token\":\"token-1\",\"expires_in\":3600}")));
    }

    @Test
    void createsWebPaymentWithNumberAmountSandboxCurrencyAndKeepsTheNotifToken() {
        orange.stubFor(post(WEBPAYMENT).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));

        SessionOutcome outcome = orange().createSession(request());

        assertThat(outcome).isInstanceOfSatisfying(SessionOutcome.Created.class, created -> {
            assertThat(created.providerRef()).isEqualTo("v1d3a5bc0c7e5b1e0e16fdc8ce1bb9cf1a8a1b3b2f6");
            assertThat(created.payUrl().toString()).startsWith("https://webpayment-qualif.orange-money.com/payment/");
            assertThat(created.secrets()).containsEntry("notif_token", "dd497bda3b250e536186fc0663f32f40");
            assertThat(created.toString()).doesNotContain("dd497bda3b250e536186fc0663f32f40");
        });
        orange.verify(postRequestedFor(urlEqualTo("/oauth/v3/token"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString("client-id:client-secret".getBytes(StandardCharsets.UTF_8))))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        orange.verify(postRequestedFor(urlEqualTo(WEBPAYMENT))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .withRequestBody(equalToJson("""
                        {"merchant_key":"merchant-key","currency":"OUV","order_id":"inv-5531-2","amount":40000,
                         "return_url":"https://pay.wabiz.example/pay/abc/done",
                         "cancel_url":"https://pay.wabiz.example/pay/abc/failed",
                         "notif_url":"https://pay.wabiz.example/payments/callbacks/orange-money",
                         "lang":"fr","reference":"Sahel Matériaux"}""")));
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpires() {
        orange.stubFor(post(STATUS).willReturn(okJson("{\"status\":\"PENDING\"}")));
        OrangeMoneyWebPay adapter = orange();

        adapter.fetchStatus(session());
        adapter.fetchStatus(session());
        now.set(now.get().plus(Duration.ofMinutes(50)));
        adapter.fetchStatus(session());
        orange.verify(exactly(1), postRequestedFor(urlEqualTo("/oauth/v3/token")));

        now.set(now.get().plus(Duration.ofMinutes(9))); // 59 minutes: inside the 2-minute skew
        adapter.fetchStatus(session());
        orange.verify(exactly(2), postRequestedFor(urlEqualTo("/oauth/v3/token")));
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheCallMadeAgain() {
        orange.stubFor(post("/oauth/v3/token").inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":3600}")).willSetStateTo("second"));
        orange.stubFor(post("/oauth/v3/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"token-2\",\"expires_in\":3600}")));
        orange.stubFor(post(STATUS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":42,\"message\":\"Expired credentials\",\"description\":\"expired\"}")));
        orange.stubFor(post(STATUS).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("{\"status\":\"SUCCESS\",\"txnid\":\"MP150709.1341.A00073\"}")));

        ProviderStatus status = orange().fetchStatus(session());

        assertThat(status.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(status.transactionId()).isEqualTo("MP150709.1341.A00073");
        assertThat(status.paidAmount()).isEqualByComparingTo("40000");
        orange.verify(exactly(2), postRequestedFor(urlEqualTo("/oauth/v3/token")));
        orange.verify(exactly(2), postRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void parallelCallsAskForOneToken() throws Exception {
        orange.stubFor(post("/oauth/v3/token").willReturn(okJson(
                "{\"access_token\":\"token-1\",\"expires_in\":3600}").withFixedDelay(300)));
        orange.stubFor(post(STATUS).willReturn(okJson("{\"status\":\"PENDING\"}")));
        OrangeMoneyWebPay adapter = orange();

        List<Future<ProviderStatus>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit((Callable<ProviderStatus>) () -> adapter.fetchStatus(session())));
            }
            for (Future<ProviderStatus> call : calls) {
                assertThat(call.get().status()).isEqualTo(Status.PENDING);
            }
        }
        orange.verify(exactly(1), postRequestedFor(urlEqualTo("/oauth/v3/token")));
    }

    @Test
    void everyDocumentedStatusMapsAndAnUnseenOneIsUnknown() {
        OrangeMoneyWebPay adapter = orange();
        Map<String, Status> expected = Map.of("INITIATED", Status.PENDING, "PENDING", Status.PENDING,
                "SUCCESS", Status.SUCCEEDED, "FAILED", Status.FAILED_FINAL, "EXPIRED", Status.EXPIRED,
                "REVERSED_BY_ALIENS", Status.UNKNOWN);
        expected.forEach((raw, status) -> {
            orange.stubFor(post(STATUS).willReturn(okJson("{\"status\":\"" + raw + "\"}")));
            assertThat(adapter.fetchStatus(session()).status()).as(raw).isEqualTo(status);
        });
        orange.verify(postRequestedFor(urlEqualTo(STATUS)).withRequestBody(equalToJson(
                "{\"order_id\":\"inv-5531-2\",\"amount\":40000,\"pay_token\":\"v1d3a5\"}")));
    }

    @Test
    void refusedInitIsRejectedAndAnUnreachableTokenEndpointSendsNothing() {
        orange.stubFor(post(WEBPAYMENT).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"1006\",\"message\":\"Invalid merchant key\"}")));
        assertThat(orange().createSession(request()))
                .isEqualTo(new SessionOutcome.Rejected("1006", "Invalid merchant key"));

        OrangeMoneyWebPay unreachable = new OrangeMoneyWebPay(settings(URI.create("http://127.0.0.1:1"), "dev", "OUV"),
                clock());
        assertThat(unreachable.createSession(request())).isInstanceOf(SessionOutcome.Rejected.class);
    }

    @Test
    void sandboxTakesOuvAndProductionTheRealCurrency() {
        assertThatThrownBy(() -> settings(URI.create(orange.baseUrl()), "dev", "XOF"))
                .hasMessageContaining("OUV");
        assertThatThrownBy(() -> settings(URI.create(orange.baseUrl()), "sn", "OUV"))
                .hasMessageContaining("OUV");
        assertThat(settings(URI.create(orange.baseUrl()), "sn", "XOF").country()).isEqualTo("sn");
    }

    @Test
    void callbackNamesItsSessionByNotifTokenAndIsOnlyAHint() {
        byte[] body = "{\"status\":\"SUCCESS\",\"notif_token\":\"dd497bda3b250e536186fc0663f32f40\",\"txnid\":\"MP150709.1341.A00073\"}"
                .getBytes(StandardCharsets.UTF_8);

        CallbackVerdict verdict = orange().verifyCallback(new InboundCallback(body, Map.of(), now.get()));

        assertThat(verdict).isInstanceOfSatisfying(CallbackVerdict.Verified.class, verified -> {
            assertThat(verified.session()).isEqualTo(
                    new SessionMatch.BySecret("notif_token", "dd497bda3b250e536186fc0663f32f40"));
            assertThat(verified.claimedStatus()).isEqualTo("SUCCESS");
            assertThat(verified.eventId()).doesNotContain("dd497bda").contains("MP150709.1341.A00073");
        });
        assertThat(orange().verifyCallback(new InboundCallback("{\"status\":\"SUCCESS\"}".getBytes(), Map.of(),
                now.get()))).isInstanceOf(CallbackVerdict.Rejected.class);
        orange.verify(exactly(0), postRequestedFor(urlEqualTo("/oauth/v3/token")).withRequestBody(containing("x")));
    }

    private OrangeMoneyWebPay orange() {
        return new OrangeMoneyWebPay(settings(URI.create(orange.baseUrl()), "dev", "OUV"), clock());
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private static OrangeMoneyWebPay.Settings settings(URI baseUrl, String country, String currency) {
        return new OrangeMoneyWebPay.Settings("orange-money", "Orange Money", baseUrl, country, "client-id",
                "client-secret", "merchant-key", currency, Set.of("XOF"), "Sahel Matériaux", Duration.ofMinutes(2),
                Duration.ofMillis(500), Duration.ofSeconds(3));
    }

    private static SessionRequest request() {
        return new SessionRequest("inv-5531-2", new BigDecimal("40000"), "XOF",
                URI.create("https://pay.wabiz.example/pay/abc/done"), URI.create("https://pay.wabiz.example/pay/abc/failed"),
                URI.create("https://pay.wabiz.example/payments/callbacks/orange-money"), "fr", "Facture INV/2026/00412");
    }

    private static ProviderSession session() {
        return new ProviderSession("inv-5531-2", "v1d3a5", new BigDecimal("40000"), "XOF",
                Map.of("notif_token", "dd497bda3b250e536186fc0663f32f40"));
    }
}
