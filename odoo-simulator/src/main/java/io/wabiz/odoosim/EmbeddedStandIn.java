package io.wabiz.odoosim;

import io.wabiz.odoosim.faults.Fault;
import io.wabiz.odoosim.faults.Faults;
import io.wabiz.odoosim.jsonrpc.RpcLog;
import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.webhooks.AutomationRule;
import io.wabiz.odoosim.webhooks.AutomationWebhooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stand-in started inside another JVM (the connector's tests) on a free port, with the stand-in's defaults (its
 * {@link SimulatorProperties}) rather than its {@code application.yml}, which the host's hides. The auto-configurations
 * the host's class path brings (Kafka, MongoDB, Spring Security) are left out: the stand-in uses none of them.
 */
public final class EmbeddedStandIn implements AutoCloseable {

    private static final String EXCLUDED = String.join(",",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web."
                    + "OAuth2ResourceServerWebSecurityAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
            "io.wabiz.platform.kafka.PlatformKafkaAutoConfiguration");

    private final ConfigurableApplicationContext context;

    private EmbeddedStandIn(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param properties {@code odoo-simulator.*} settings on top of the defaults (a free port, memory only) */
    public static EmbeddedStandIn start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("spring.application.name", "odoo-simulator");
        all.put("spring.autoconfigure.exclude", EXCLUDED);
        all.put("spring.jmx.enabled", false);
        all.put("management.endpoints.web.exposure.include", "health");
        all.put("logging.structured.format.console", "");
        all.putAll(properties);
        // as command-line arguments: they must win over the host's own application.yml, which is the one found on
        // the class path (the connector's says server.port 8087)
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new EmbeddedStandIn(new SpringApplicationBuilder(OdooSimulatorApplication.class)
                .registerShutdownHook(false).run(arguments));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    public OdooServer server() {
        return context.getBean(OdooServer.class);
    }

    public void fault(Fault fault) {
        context.getBean(Faults.class).set(fault);
    }

    public void clearFault() {
        context.getBean(Faults.class).clear();
    }

    public RpcLog rpcLog() {
        return context.getBean(RpcLog.class);
    }

    public AutomationWebhooks webhooks() {
        return context.getBean(AutomationWebhooks.class);
    }

    /** Posts changes of these models to {@code url}, as Odoo automation rules do (fields: those of the recording). */
    public void webhooksTo(String url, List<String> models) {
        long id = SimulatorConfiguration.FIRST_ACTION_ID;
        List<AutomationRule> rules = new java.util.ArrayList<>();
        for (String model : models) {
            List<String> fields = switch (model) {
                case "sale.order" -> List.of("name", "state", "partner_id", "amount_total", "write_date");
                case "account.move" -> List.of("name", "state", "payment_state", "amount_residual", "write_date");
                default -> List.of("name", "write_date");
            };
            List<Object> domain = model.equals("account.move")
                    ? List.of(List.of("move_type", "=", "out_invoice")) : List.of();
            rules.add(new AutomationRule(id++, null, model, url, fields, List.of(), domain));
        }
        webhooks().replaceRules(rules);
    }

    @Override
    public void close() {
        context.close();
    }
}
