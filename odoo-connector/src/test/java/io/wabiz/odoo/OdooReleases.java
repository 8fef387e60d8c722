package io.wabiz.odoo;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.odoo.health.ConnectorState;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooClient;
import io.wabiz.odoo.sync.OdooCatalog;
import io.wabiz.odoosim.EmbeddedStandIn;
import io.wabiz.testsupport.SharedMongoServer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The connector's plain parts (no Spring, no Kafka) against the stand-in playing Odoo 16, 17 or 18, one stand-in per
 * release for the whole test JVM, for the tests that show what differs between the releases. The stand-ins answer
 * as the reference says each release does (states, refusals, the payment memo's field, tax totals).
 */
public final class OdooReleases {

    /** The releases the connector supports, as {@code common.version} names them. */
    public static final List<String> ALL = List.of("16.0", "17.0", "18.0");

    private static final Map<String, EmbeddedStandIn> STARTED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.values().forEach(EmbeddedStandIn::close),
                "odoo-releases-stop"));
    }

    private OdooReleases() {
    }

    public static EmbeddedStandIn standIn(String release) {
        return STARTED.computeIfAbsent(release, r -> EmbeddedStandIn.start(Map.of("odoo-simulator.version", r,
                "odoo-simulator.rpc-log-size", 5_000))); // no automation rules: nothing posts webhooks
    }

    /** The connector's settings for that stand-in, bound as Spring binds them (defaults included). */
    public static ConnectorProperties properties(EmbeddedStandIn standIn, Duration requestTimeout) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("odoo.connection.url", standIn.url());
        settings.put("odoo.connection.database", "wabiz");
        settings.put("odoo.connection.login", "api-user");
        settings.put("odoo.connection.api-key", "local-odoo-api-key");
        settings.put("odoo.connection.request-timeout", requestTimeout.toMillis() + "ms");
        settings.put("odoo.companies[0].id", "1");
        settings.put("odoo.companies[0].time-zone", "Africa/Dakar");
        settings.put("odoo.retry.initial-backoff", "20ms");
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("odoo", ConnectorProperties.class);
    }

    /** The connector's only way to Odoo, as it is wired in the service. */
    public static Odoo odoo(ConnectorProperties properties) {
        return new Odoo(new OdooClient(properties.connection()), new ConnectorState(Clock.systemUTC(),
                new SimpleMeterRegistry()), properties.retry());
    }

    public static OdooCatalog catalog(Odoo odoo) {
        return new OdooCatalog(odoo);
    }

    /** A MongoDB database of its own on the test JVM's embedded server. */
    public static MongoTemplate mongo(String database) {
        return new MongoTemplate(MongoClients.create(SharedMongoServer.connectionString(database)), database);
    }

    /** {@code execute_kw} as the Odoo user with the password (someone working in Odoo), in the stand-in itself. */
    public static Object inOdoo(EmbeddedStandIn standIn, String model, String method, List<?> args,
                                Map<String, ?> kwargs) {
        return standIn.server().dispatch("object", "execute_kw", List.of("wabiz", 2L, "local-odoo-password", model,
                method, args, kwargs), "127.0.0.1");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readInOdoo(EmbeddedStandIn standIn, String model, long id, String... fields) {
        return ((List<Map<String, Object>>) inOdoo(standIn, model, "read", List.of(List.of(id), List.of(fields)),
                Map.of())).getFirst();
    }

    /** A quotation of {@code quantity} bags of cement (5,000 XOF, VAT 18%) for Awa Diop SARL (partner 42). */
    public static long newQuotation(EmbeddedStandIn standIn, double quantity) {
        return ((Number) inOdoo(standIn, "sale.order", "create", List.of(Map.of("partner_id", 42L, "order_line",
                List.of(List.of(0L, 0L, Map.of("product_id", 88L, "product_uom_qty", quantity))))), Map.of()))
                .longValue();
    }

    /** The customer invoice of a confirmed order, as its "Create Invoice" button makes it: a draft. */
    @SuppressWarnings("unchecked")
    public static long draftInvoiceOf(EmbeddedStandIn standIn, long order) {
        Map<String, Object> active = Map.of("context", Map.of("active_model", "sale.order", "active_ids",
                List.of(order)));
        long wizard = ((Number) inOdoo(standIn, "sale.advance.payment.inv", "create", List.of(Map.of(
                "advance_payment_method", "delivered")), active)).longValue();
        return ((Number) ((Map<String, Object>) inOdoo(standIn, "sale.advance.payment.inv", "create_invoices",
                List.of(List.of(wizard)), active)).get("res_id")).longValue();
    }

    /** The customer invoice of a confirmed order, posted. */
    public static long postedInvoiceOf(EmbeddedStandIn standIn, long order) {
        long invoice = draftInvoiceOf(standIn, order);
        inOdoo(standIn, "account.move", "action_post", List.of(List.of(invoice)), Map.of());
        return invoice;
    }
}
