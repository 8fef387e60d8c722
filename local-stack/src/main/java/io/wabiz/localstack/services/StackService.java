package io.wabiz.localstack.services;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The table of JVM services the local stack runs, each from its module's executable jar
 * ({@code <module>/target/<module>-<version>.jar}) on its own port. A later service joins the stack by
 * adding one entry here; a service whose jar is not built is reported and left out.
 *
 * <p>Every value here is an obviously fake local one (see the brief's local wiring table); real secrets
 * come from the environment in real deployments.
 */
public enum StackService {

    WEBHOOK_INGRESS("webhook-ingress", 8081, true, wiring -> Map.of(
            "INGRESS_APP_SECRETS", LocalSecrets.APP_SECRET,
            "INGRESS_VERIFY_TOKEN", LocalSecrets.VERIFY_TOKEN,
            "INGRESS_KNOWN_PHONE_NUMBER_IDS", LocalSecrets.PHONE_NUMBER_ID)),

    // also the local payment provider (Wave's Checkout API): its "paid" webhooks go to the notifier
    META_SIMULATOR("meta-simulator", 8090, false, wiring -> Map.of(
            "SIMULATOR_WEBHOOK_URL", wiring.url(StackService.WEBHOOK_INGRESS) + "/webhook",
            "SIMULATOR_APP_SECRET", LocalSecrets.APP_SECRET,
            "SIMULATOR_ACCESS_TOKEN", LocalSecrets.ACCESS_TOKEN,
            "SIMULATOR_DATA_DIR", wiring.dataDirectory("simulator"),
            "SIMULATOR_PAYMENTS_WEBHOOKURL", notifierUrl(wiring) + "/payments/callbacks/wave")),

    OUTBOUND_SENDER("outbound-sender", 8082, true, wiring -> Map.of(
            "SPRING_PROFILES_ACTIVE", "local",
            "SPRING_MONGODB_URI", wiring.mongoUri("outbound-sender"),
            "SENDER_GRAPH_API_BASE_URL", wiring.url(StackService.META_SIMULATOR),
            "SENDER_ACCOUNTS_0_PHONE_NUMBER_ID", LocalSecrets.PHONE_NUMBER_ID,
            "SENDER_ACCOUNTS_0_WABA_ID", LocalSecrets.WABA_ID,
            "SENDER_ACCOUNTS_0_ACCESS_TOKEN", LocalSecrets.ACCESS_TOKEN,
            "SENDER_ACCOUNTS_0_API_VERSION", LocalSecrets.GRAPH_API_VERSION)),

    CONVERSATION_SERVICE("conversation-service", 8083, true, wiring -> Map.of(
            "SPRING_MONGODB_URI", wiring.mongoUri("conversation-service"),
            "SPRING_PROFILES_ACTIVE", "local")),

    SCENARIO_ENGINE("scenario-engine", 8085, true, wiring -> Map.of(
            "SPRING_MONGODB_URI", wiring.mongoUri("scenario-engine"),
            "SPRING_PROFILES_ACTIVE", "local")),

    // the local profile makes its clock adjustable (PUT /admin/clock) so a person sees a reminder without waiting days
    REMINDER_SCHEDULER("reminder-scheduler", 8086, true, wiring -> Map.of(
            "SPRING_MONGODB_URI", wiring.mongoUri("reminder-scheduler"),
            "SPRING_PROFILES_ACTIVE", "local",
            "REMINDERS_LINKS_PUBLICBASEURL", notifierUrl(wiring))),

    // the staff's screens: local users agent/agent and admin/admin stand for the services' local static tokens
    STAFF_CONSOLE("staff-console", 8088, false, wiring -> Map.of(
            "SPRING_PROFILES_ACTIVE", "local",
            "CONSOLE_SERVICES_CONVERSATIONS", wiring.url(StackService.CONVERSATION_SERVICE),
            "CONSOLE_SERVICES_SENDER", wiring.url(StackService.OUTBOUND_SENDER),
            "CONSOLE_SERVICES_SCENARIOS", wiring.url(StackService.SCENARIO_ENGINE),
            "CONSOLE_SERVICES_NOTIFIER", notifierUrl(wiring),
            "CONSOLE_SERVICES_REMINDERS", wiring.url(StackService.REMINDER_SCHEDULER))),

    /**
     * Static tokens and the local business number come from its {@code local} profile; its public links
     * ({@code /pay}, {@code /documents}) and the Wave stand-in it pays through follow the ports actually used.
     */
    BILLING_NOTIFIER("billing-notifier", 8084, true, wiring -> Map.of(
            "SPRING_MONGODB_URI", wiring.mongoUri("billing-notifier"),
            "SPRING_PROFILES_ACTIVE", "local",
            "NOTIFIER_DEFAULTBUSINESSPHONENUMBERID", LocalSecrets.PHONE_NUMBER_ID,
            "NOTIFIER_INVOICES_PUBLICBASEURL", notifierUrl(wiring),
            "NOTIFIER_INVOICES_PAYMENTS_WAVE_BASEURL", wiring.url(StackService.META_SIMULATOR) + "/wave")),

    // Odoo 17 played by the stand-in (its page on /); its automation rules post each change to the connector
    ODOO_SIMULATOR("odoo-simulator", 8069, false, wiring -> Map.ofEntries(
            Map.entry("ODOO_SIMULATOR_DATA_DIR", wiring.dataDirectory("odoo-simulator")),
            Map.entry("ODOO_SIMULATOR_DATABASE", LocalSecrets.ODOO_DATABASE),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_0_MODEL", "sale.order"),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_0_URL", odooWebhookUrl(wiring)),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_0_FIELDS", "name,state,partner_id,amount_total,write_date"),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_1_MODEL", "account.move"),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_1_URL", odooWebhookUrl(wiring)),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_1_FIELDS", "name,state,payment_state,amount_residual,write_date"),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_2_MODEL", "res.partner"),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_2_URL", odooWebhookUrl(wiring)),
            Map.entry("ODOO_SIMULATOR_WEBHOOKS_RULES_2_FIELDS", "name,write_date"))),

    ODOO_CONNECTOR("odoo-connector", 8087, true, wiring -> Map.of(
            "SPRING_PROFILES_ACTIVE", "local",
            "SPRING_MONGODB_URI", wiring.mongoUri("odoo-connector"),
            "ODOO_CONNECTION_URL", wiring.url(StackService.ODOO_SIMULATOR),
            "ODOO_CONNECTION_DATABASE", LocalSecrets.ODOO_DATABASE,
            "ODOO_CONNECTION_LOGIN", LocalSecrets.ODOO_LOGIN,
            "ODOO_CONNECTION_API_KEY", LocalSecrets.ODOO_API_KEY,
            "ODOO_WEBHOOKS_SECRET", LocalSecrets.ODOO_WEBHOOK_SECRET));

    private final String module;
    private final int defaultPort;
    private final boolean needsKafka;
    private final Function<Wiring, Map<String, String>> environment;

    StackService(String module, int defaultPort, boolean needsKafka, Function<Wiring, Map<String, String>> environment) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.needsKafka = needsKafka;
        this.environment = environment;
    }

    /** The Maven module, also the process name and {@code spring.application.name}. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Started once the broker is up and the catalogue topics exist. */
    public boolean needsKafka() {
        return needsKafka;
    }

    /** The environment of the process: the common Spring wiring plus this service's own. */
    public Map<String, String> environment(Wiring wiring) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(wiring.port(this)));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrapServers());
        // plain text logs for people reading .local-stack/logs (the services log JSON by default)
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        env.putAll(environment.apply(wiring));
        return env;
    }

    /**
     * billing-notifier's URL: where customers open its {@code /pay} and {@code /documents} links, and the console's
     * notifications list (a method: a later constant).
     */
    private static String notifierUrl(Wiring wiring) {
        return wiring.url(StackService.BILLING_NOTIFIER);
    }

    private static String odooWebhookUrl(Wiring wiring) {
        return wiring.url(StackService.ODOO_CONNECTOR) + "/odoo/webhooks/" + LocalSecrets.ODOO_WEBHOOK_SECRET;
    }

    /** How a service finds the others: ports, broker, Mongo, data folders. */
    public interface Wiring {
        int port(StackService service);

        default String url(StackService service) {
            return "http://localhost:" + port(service);
        }

        String kafkaBootstrapServers();

        String mongoUri(String database);

        /** An absolute folder under the stack's data directory. */
        String dataDirectory(String name);
    }
}
