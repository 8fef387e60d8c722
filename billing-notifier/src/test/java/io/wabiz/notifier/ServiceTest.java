package io.wabiz.notifier;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TestHttp;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of the notifier's integration tests (every subclass shares it): the whole service on a
 * random port, against the JVM-wide KRaft broker and embedded MongoDB, called over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "billing-notifier")
@ActiveProfiles("test")
public abstract class ServiceTest {

    public static final String BUSINESS_NUMBER = "100000000000001";
    public static final String ADMIN = "test-admin-token";
    public static final String AGENT = "test-agent-token";
    public static final String VIEWER = "test-viewer-token";

    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));

    protected static KafkaTestClient kafka;

    @LocalServerPort
    protected int port;

    /** Wave's API for the payment flows: WireMock, one per test JVM. */
    @org.springframework.test.context.DynamicPropertySource
    static void paymentProviders(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("notifier.invoices.payments.wave.base-url", WaveStub::baseUrl);
    }

    @BeforeAll
    static void connectKafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.embedded();
        }
    }

    /** An ERP id no other test uses. */
    protected static String newId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    /** A Senegalese mobile number no other test uses, as typed in the ERP (national form). */
    protected static String newMobile() {
        return "77" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String waIdOf(String senegaleseMobile) {
        return "221" + senegaleseMobile;
    }

    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    protected static PartnerUpserted partner(String partnerId, String mobile, String language, OptInState optIn,
                                             boolean active, String companyId) {
        return new PartnerUpserted(UUID.randomUUID().toString(), now(), partnerId, "Awa Diop", "Diop SARL",
                mobile == null ? List.of() : List.of(mobile), "awa@example.sn", language, "SN", optIn, active,
                companyId);
    }

    protected static SalesOrder order(String orderId, String partnerId, SalesOrderState state, String currency,
                                      String total, String companyId, String version) {
        BigDecimal amount = new BigDecimal(total);
        return new SalesOrder(orderId, "S" + orderId, partnerId, "Diop SARL", Instant.parse("2026-03-03T10:15:00Z"),
                null, null, state, currency, amount, BigDecimal.ZERO, amount,
                List.of(new DocumentLine("p1", "Ciment CPA 42,5", null, new BigDecimal("10"), "sac",
                        amount.divide(BigDecimal.TEN), null, amount)),
                "Moussa Ndiaye", null, companyId, version);
    }

    protected static SalesOrderCreated created(SalesOrder order) {
        return new SalesOrderCreated(UUID.randomUUID().toString(), now(), order);
    }

    /**
     * Waits until the matching commands carry exactly {@code count} idempotency keys, and no other comes for
     * {@code quiet}. Keys, not records: a command published again under its key (a redelivery while it was
     * pending) is sent once by the sender, which the end-to-end suite counts at the simulator.
     */
    protected static void assertStaysAt(TopicWatcher commands, Predicate<SendMessage> matching, int count,
                                        Duration quiet) {
        org.awaitility.Awaitility.await().during(quiet).atMost(quiet.plusSeconds(20))
                .until(() -> commands.events(SendMessage.class).stream().filter(matching)
                        .map(SendMessage::idempotencyKey).distinct().count() == count);
    }

    /** A JSON answer of the API. */
    public record Answer(int status, JsonNode body) {
    }

    private final TestHttp http = new TestHttp(() -> port);

    protected Answer get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    protected Answer post(String path, String token) {
        return call("POST", path, token, null, Map.of());
    }

    protected Answer call(String method, String path, String token, String json, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        TestHttp.Answer answer = http.json(method, path, json, all);
        return new Answer(answer.status(), answer.body());
    }

    protected String metrics() {
        return http.get("/actuator/prometheus").body();
    }
}
