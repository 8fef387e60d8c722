package io.wabiz.odoosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The automation webhooks as the recorded Odoo 17 server sent them: three identical POSTs per change, sorted
 * keys, raw values (many2one as a bare id, microseconds in datetimes), posted before the change is committed.
 */
class AutomationWebhooksTest extends SimulatorHttpTest {

    /** What one POST carried, and what a read-back at that instant showed. */
    record Received(String body, String contentType, JsonNode readBack) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTheReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/odoo/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode hook = RecordedExchanges.JSON.readTree(body);
            // a receiver that reads back at once, inside Odoo's transaction: it cannot see the change yet
            JsonNode readBack = result(hook.get("_model").stringValue(), "read",
                    List.of(List.of(hook.get("_id").longValue()), List.of("state")), Map.of());
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Content-Type"), readBack));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        put("/simulator/automations", RecordedExchanges.JSON.writeValueAsString(List.of(Map.of("model", "sale.order",
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/odoo/webhook",
                "fields", List.of("name", "state", "partner_id", "amount_total", "write_date")))));
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.stop(0);
    }

    @Test
    void postsEachChangeThreeTimesBeforeItIsCommitted() {
        JsonNode created = post("/simulator/orders", "{\"partnerId\":42,\"lines\":[{\"productId\":88,\"quantity\":2}]}");
        long order = created.get("id").longValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        post("/simulator/orders/" + order + "/confirm", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 6);

        List<String> bodies = received.stream().map(Received::body).toList();
        assertThat(bodies.subList(0, 3)).as("three identical posts for the create").containsOnly(bodies.getFirst());
        assertThat(bodies.subList(3, 6)).as("three for the confirmation").containsOnly(bodies.get(3));
        JsonNode recorded = RecordedExchanges.JSON.readTree(RecordedExchanges.load("automation-webhook-posts")
                .get("posts").get(0).get("body").stringValue());
        JsonNode first = RecordedExchanges.JSON.readTree(bodies.getFirst());
        assertThat(RecordedExchanges.shapeDifferences(recorded, first, java.util.Set.of())).isEmpty();
        assertThat(List.copyOf(first.propertyNames())).as("sorted keys, as json.dumps(sort_keys=True)")
                .containsExactly("_action", "_id", "_model", "amount_total", "id", "name", "partner_id", "state",
                        "write_date");
        assertThat(first.get("_action").stringValue()).isEqualTo("Send Webhook Notification(#333)");
        assertThat(first.get("partner_id").longValue()).as("a bare id (load=None)").isEqualTo(42);
        assertThat(first.get("write_date").stringValue()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat(bodies.getFirst()).contains("\"_id\": " + order + ", \"_model\": \"sale.order\"");
        assertThat(received.getFirst().contentType()).isEqualTo("application/json");
        JsonNode confirmation = RecordedExchanges.JSON.readTree(bodies.get(3));
        assertThat(confirmation.get("state").stringValue()).isEqualTo("sale");

        assertThat(received.getFirst().readBack()).as("the new order is not visible yet").isEmpty();
        assertThat(received.get(3).readBack().get(0).get("state").stringValue())
                .as("the confirmation is not visible yet").isEqualTo("draft");
        assertThat(result("sale.order", "read", List.of(List.of(order), List.of("state")), Map.of()).get(0)
                .get("state").stringValue()).isEqualTo("sale");
        assertThat(get("/simulator/webhooks?limit=6")).hasSize(6);
    }

    @Test
    void aWriteThatChangesNoWatchedFieldDoesNotFire() {
        put("/simulator/automations", RecordedExchanges.JSON.writeValueAsString(List.of(Map.of("model", "sale.order",
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/odoo/webhook",
                "fields", List.of("state"), "triggerFields", List.of("state")))));
        long order = post("/simulator/orders", "{\"partnerId\":42,\"lines\":[{\"productId\":88}]}").get("id").longValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);

        result("sale.order", "write", List.of(List.of(order), Map.of("x_whatsapp_creation_sent", true)), Map.of());
        post("/simulator/orders/" + order + "/confirm", "{}");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 6);
        assertThat(RecordedExchanges.JSON.readTree(received.get(5).body()).get("state").stringValue()).isEqualTo("sale");
    }
}
