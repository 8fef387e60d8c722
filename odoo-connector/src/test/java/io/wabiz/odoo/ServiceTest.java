package io.wabiz.odoo;

import io.wabiz.events.TopicRecord;
import io.wabiz.odoosim.EmbeddedStandIn;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the connector's integration tests: the whole connector on a random port, against the
 * JVM-wide KRaft broker and embedded MongoDB, and the Odoo stand-in (odoo-simulator, playing Odoo 17) in the same
 * JVM on its own port, called over real HTTP JSON-RPC. A test works in Odoo as a person would (through the
 * stand-in's ORM: the automation webhooks fire) and watches the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "odoo-connector")
@ActiveProfiles("test")
public abstract class ServiceTest {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String ADMIN = "test-admin-token";
    public static final String AGENT = "test-agent-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static KafkaTestClient kafka;
    private static EmbeddedStandIn standIn;

    @LocalServerPort
    protected int port;

    protected static synchronized EmbeddedStandIn odoo() {
        if (standIn == null) {
            // the test JVM's calls all come from 127.0.0.1: the pause test's refused key must not cool the others down
            standIn = EmbeddedStandIn.start(Map.of("odoo-simulator.rpc-log-size", 50_000,
                    "odoo-simulator.login-cooldown-after", 50));
        }
        return standIn;
    }

    @DynamicPropertySource
    static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("odoo.connection.url", () -> odoo().url());
    }

    @BeforeAll
    static void connectKafka() {
        if (kafka == null) {
            kafka = KafkaTestClient.embedded();
        }
    }

    /** Each test starts with Odoo up, the key accepted, and the automation webhooks pointing at the connector. */
    @BeforeEach
    void odooAsUsual() {
        odoo().clearFault();
        odoo().server().revokeKey(2, false);
        odoo().webhooksTo(webhookUrl(), List.of("sale.order", "account.move", "res.partner"));
    }

    protected String webhookUrl() {
        return "http://localhost:" + port + "/odoo/webhooks/" + WEBHOOK_SECRET;
    }

    /**
     * {@code execute_kw} as the Odoo user, in the stand-in (as someone working in Odoo would change things), with
     * the user's password: a revoked API key (the connector's) does not stop the test's own calls.
     */
    protected static Object inOdoo(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return odoo().server().dispatch("object", "execute_kw", List.of("wabiz", 2L, "local-odoo-password", model,
                method, args, kwargs), "127.0.0.1");
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> readInOdoo(String model, long id, String... fields) {
        return ((List<Map<String, Object>>) inOdoo(model, "read", List.of(List.of(id), List.of(fields)), Map.of()))
                .getFirst();
    }

    /** A quotation of {@code quantity} bags of cement (5,000 XOF, VAT 18%) for Awa Diop SARL (partner 42). */
    protected static long newQuotation(double quantity) {
        return (Long) inOdoo("sale.order", "create", List.of(Map.of("partner_id", 42L, "order_line",
                List.of(List.of(0L, 0L, Map.of("product_id", 88L, "product_uom_qty", quantity))))), Map.of());
    }

    /** The customer invoice of a confirmed order, posted. */
    @SuppressWarnings("unchecked")
    protected static long postedInvoiceOf(long order) {
        Map<String, Object> active = Map.of("context", Map.of("active_model", "sale.order", "active_ids", List.of(order)));
        long wizard = (Long) inOdoo("sale.advance.payment.inv", "create", List.of(Map.of("advance_payment_method",
                "delivered")), active);
        long invoice = (Long) ((Map<String, Object>) inOdoo("sale.advance.payment.inv", "create_invoices",
                List.of(List.of(wizard)), active)).get("res_id");
        inOdoo("account.move", "action_post", List.of(List.of(invoice)), Map.of());
        return invoice;
    }

    /** Waits until {@code condition} holds for the events of one document, and returns them. */
    protected static <T extends TopicRecord> List<T> awaitEvents(io.wabiz.testsupport.TopicWatcher watcher,
                                                                 Class<T> type, String documentKey,
                                                                 Predicate<List<T>> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> watcher.events(type).stream().filter(e -> documentKey.equals(e.key())).toList(),
                        condition);
    }

    protected HttpResponse<String> http(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
