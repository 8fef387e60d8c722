package io.wabiz.odoosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The failures the stand-in plays on demand, for the connector's tests and rehearsals. */
class FaultsTest extends SimulatorHttpTest {

    private static final String VERSION = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"id\":1,"
            + "\"params\":{\"service\":\"common\",\"method\":\"version\",\"args\":[]}}";

    @Test
    void answersAsAProxyInFrontOfADownOdooWouldThenRecovers() {
        put("/simulator/faults", "{\"kind\":\"BAD_GATEWAY\",\"remaining\":2}");

        HttpResponse<String> first = send("POST", "/jsonrpc", VERSION, "application/json");
        HttpResponse<String> second = send("POST", "/jsonrpc", VERSION, "application/json");
        HttpResponse<String> third = send("POST", "/jsonrpc", VERSION, "application/json");

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(first.body()).contains("502 Bad Gateway", "nginx");
        assertThat(second.statusCode()).isEqualTo(502);
        assertThat(third.statusCode()).as("two calls, then cleared").isEqualTo(200);
    }

    @Test
    void dropsTheConnectionBeforeTheAnswerIsComplete() {
        put("/simulator/faults", "{\"kind\":\"DROP_CONNECTION\",\"remaining\":1}");

        assertThatThrownBy(() -> send("POST", "/jsonrpc", VERSION, "application/json"))
                .hasRootCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void playsOdooErrorsOnlyForTheMethodsAsked() {
        put("/simulator/faults", "{\"kind\":\"SERIALIZATION_FAILURE\",\"methods\":[\"action_confirm\"]}");
        long order = result("sale.order", "create", List.of(Map.of("partner_id", 42, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 88))))), Map.of()).longValue();

        JsonNode refused = execute("sale.order", "action_confirm", List.of(List.of(order)), Map.of());

        assertThat(refused.get("error").get("data").get("name").stringValue())
                .isEqualTo("psycopg2.errors.SerializationFailure");
        assertThat(result("sale.order", "read", List.of(List.of(order), List.of("state")), Map.of()).get(0)
                .get("state").stringValue()).isEqualTo("draft");
        assertThat(get("/simulator/faults").get("hits").intValue()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerAfterTheWorkStillCommitsTheChange() {
        put("/simulator/faults", "{\"kind\":\"SLOW\",\"delay\":\"PT0.3S\",\"afterWork\":true,\"methods\":"
                + "[\"action_confirm\"],\"remaining\":1}");
        long order = result("sale.order", "create", List.of(Map.of("partner_id", 42, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 88))))), Map.of()).longValue();
        long start = System.nanoTime();

        assertThat(result("sale.order", "action_confirm", List.of(List.of(order)), Map.of()).booleanValue()).isTrue();

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(get("/simulator/rpc-log?limit=1").get(0).get("modelMethod").stringValue()).isEqualTo("action_confirm");
    }
}
