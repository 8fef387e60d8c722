package io.wabiz.odoosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The transport rules of Odoo's {@code /jsonrpc} that no recorded exchange shows (O16-O18 {@code odoo/http.py}). */
class JsonRpcEnvelopeTest extends SimulatorHttpTest {

    @Test
    void refusesOtherContentTypesAndBodiesThatAreNotJsonRpcObjects() {
        HttpResponse<String> form = send("POST", "/jsonrpc", "{}", "application/x-www-form-urlencoded");
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("but /jsonrpc is type=json");

        HttpResponse<String> broken = send("POST", "/jsonrpc", "{not json", "application/json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).isEqualTo("Invalid JSON data");

        HttpResponse<String> batch = send("POST", "/jsonrpc", "[{\"jsonrpc\":\"2.0\"}]", "application/json-rpc");
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(batch.body()).isEqualTo("Invalid JSON-RPC data");
    }

    @Test
    void writesLikePythonsJsonDumpsAndEchoesAMissingIdAsNull() {
        HttpResponse<String> answer = send("POST", "/jsonrpc",
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"common\",\"method\":\"version\",\"args\":[]}}",
                "application/json; charset=utf-8");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(answer.body()).startsWith("{\"jsonrpc\": \"2.0\", \"id\": null, \"result\": {\"server_version\": ");
    }

    @Test
    void leavesResultOutWhenTheMethodReturnsNone() {
        long order = result("sale.order", "create", List.of(Map.of("partner_id", 42, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", 88, "product_uom_qty", 2))))), Map.of()).longValue();

        JsonNode answer = execute("sale.order", "action_quotation_sent", List.of(List.of(order)), Map.of());

        assertThat(answer.has("result")).isFalse();
        assertThat(answer.has("error")).isFalse();
        assertThat(result("sale.order", "read", List.of(List.of(order), List.of("state")), Map.of()).get(0)
                .get("state").stringValue()).isEqualTo("sent");
    }

    @Test
    void reportsUnknownServicesMethodsAndModelsWithPythonsExceptions() {
        assertThat(error(rpc("nope", "version"))).containsExactly("builtins.KeyError", "'nope'");
        assertThat(error(rpc("common", "nope"))).containsExactly("builtins.Exception", "Method not found: nope");
        assertThat(error(execute("x.unknown", "search", List.of(List.of()), Map.of())))
                .containsExactly("odoo.exceptions.UserError", "Object x.unknown doesn't exist");
        assertThat(error(execute("sale.order", "frobnicate", List.of(List.of(1)), Map.of())))
                .containsExactly("builtins.AttributeError", "type object 'sale.order' has no attribute 'frobnicate'");
        assertThat(error(execute("sale.order", "search_read", List.of(List.of(List.of("nope", "=", 1))), Map.of())))
                .containsExactly("builtins.ValueError", "Invalid field sale.order.nope in leaf ('nope', '=', 1)");
        assertThat(error(rpc("object", "execute_kw", "otherdb", UID, KEY, "res.partner", "search", List.of(List.of()))))
                .first().isEqualTo("psycopg2.OperationalError");
    }

    @Test
    void comparesWriteDatesAtMicrosecondsThoughItPrintsWholeSeconds() {
        long partner = result("res.partner", "create", List.of(Map.of("name", "Same Second")), Map.of()).longValue();
        String shown = result("res.partner", "read", List.of(List.of(partner), List.of("write_date")), Map.of()).get(0)
                .get("write_date").stringValue();

        assertThat(shown).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        JsonNode sameSecondOrLater = result("res.partner", "search", List.of(List.of(List.of("write_date", ">", shown),
                List.of("id", "=", partner))), Map.of());
        JsonNode exactly = result("res.partner", "search", List.of(List.of(List.of("write_date", "=", shown),
                List.of("id", "=", partner))), Map.of());
        boolean onTheSecond = server.database().read(server.env(server.user(UID), Map.of()),
                tx -> ((java.time.LocalDateTime) tx.get("res.partner", partner, "write_date")).getNano() == 0);
        assertThat(sameSecondOrLater.size()).isEqualTo(onTheSecond ? 0 : 1);
        assertThat(exactly.size()).isEqualTo(onTheSecond ? 1 : 0);
    }

    @Test
    void refusesAKeyThatWasRevokedAndCoolsDownAfterFiveFailures() {
        put("/simulator/users/2/key", "{\"revoked\":true}");
        assertThat(error(execute("res.partner", "search_count", List.of(List.of()), Map.of())))
                .containsExactly("odoo.exceptions.AccessDenied", "Access Denied");
        assertThat(rpc("common", "authenticate", DB, "api-user", KEY, Map.of()).get("result").booleanValue()).isFalse();
        put("/simulator/users/2/key", "{\"revoked\":false}");
        for (int i = 0; i < 3; i++) {
            rpc("object", "execute_kw", DB, UID, "wrong", "res.partner", "search_count", List.of(List.of()));
        }
        assertThat(error(execute("res.partner", "search_count", List.of(List.of()), Map.of())))
                .containsExactly("odoo.exceptions.AccessDenied", "Too many login failures, please wait a bit before "
                        + "trying again.");
    }

    @Test
    void refusesCompaniesTheUserDoesNotHave() {
        assertThat(error(execute("sale.order", "search", List.of(List.of()), Map.of("context",
                Map.of("allowed_company_ids", List.of(7))))))
                .containsExactly("odoo.exceptions.AccessError", "Access to unauthorized or invalid companies.");
    }

    private static List<String> error(JsonNode answer) {
        assertThat(answer.has("error")).as("an error: " + answer).isTrue();
        JsonNode data = answer.get("error").get("data");
        return List.of(data.get("name").stringValue(), data.get("message").stringValue());
    }
}
