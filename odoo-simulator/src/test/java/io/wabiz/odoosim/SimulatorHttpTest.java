package io.wabiz.odoosim;

import io.wabiz.odoosim.odoo.OdooServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of the simulator's HTTP tests: the stand-in on a random port, called over real HTTP.
 * Each test starts from the seed data ({@code POST /simulator/reset}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "odoo-simulator.webhooks.timeout=500ms", "logging.level.io.wabiz.odoosim=WARN"})
public abstract class SimulatorHttpTest {

    protected static final String DB = "wabiz";
    protected static final String KEY = "local-odoo-api-key";
    protected static final long UID = 2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected OdooServer server;

    private long ids;

    @BeforeEach
    void startFromTheSeedData() {
        post("/simulator/reset", "{}");
        put("/simulator/automations", "[]");
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A JSON-RPC call; the whole answer envelope. */
    protected JsonNode rpc(String service, String method, Object... args) {
        Map<String, Object> params = Map.of("service", service, "method", method, "args", List.of(args));
        return rpcRaw(RecordedExchanges.JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call",
                "id", ++ids, "params", params)));
    }

    /** {@code object.execute_kw} as the API user. */
    protected JsonNode execute(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return rpc("object", "execute_kw", DB, UID, KEY, model, method, args, kwargs);
    }

    protected JsonNode result(String model, String method, List<?> args, Map<String, ?> kwargs) {
        JsonNode answer = execute(model, method, args, kwargs);
        if (answer.has("error")) {
            throw new AssertionError(model + "." + method + " failed: " + answer.get("error").get("data").get("message"));
        }
        return answer.get("result");
    }

    protected JsonNode rpcRaw(String body) {
        HttpResponse<String> response = send("POST", "/jsonrpc", body, "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return RecordedExchanges.JSON.readTree(response.body());
    }

    protected HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode get(String path) {
        return json(send("GET", path, null, null));
    }

    protected JsonNode post(String path, String body) {
        return json(send("POST", path, body, "application/json"));
    }

    protected JsonNode put(String path, String body) {
        return json(send("PUT", path, body, "application/json"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? null : RecordedExchanges.JSON.readTree(response.body());
    }
}
