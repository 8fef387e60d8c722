package io.wabiz.odoo.rpc;

import io.wabiz.odoo.ConnectorProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Odoo's external JSON-RPC API, {@code POST <url>/jsonrpc}: {@code common.version}, {@code common.authenticate}
 * and {@code object.execute_kw} with the API key in place of the password (stateless: every call carries the key
 * and Odoo checks it each time). An answer without {@code result} or {@code error} is Odoo's None.
 */
public final class OdooClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final ConnectorProperties.Connection connection;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();
    private volatile Long uid;

    public OdooClient(ConnectorProperties.Connection connection) {
        this.connection = connection;
        this.endpoint = URI.create(connection.url().toString().replaceAll("/+$", "") + "/jsonrpc");
        this.http = HttpClient.newBuilder().connectTimeout(connection.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public static JsonMapper json() {
        return JSON;
    }

    public OdooVersion version() {
        return OdooVersion.parse(call("common", "version", List.of(), null, null));
    }

    /** The uid of the login, or empty when Odoo refused the credentials ({@code authenticate} answers false). */
    public java.util.Optional<Long> authenticate() {
        JsonNode result = call("common", "authenticate", List.of(connection.database(), connection.login(),
                connection.apiKey() == null ? "" : connection.apiKey(), Map.of()), null, null);
        if (result.isIntegralNumber()) {
            uid = result.longValue();
            return java.util.Optional.of(uid);
        }
        uid = null;
        return java.util.Optional.empty();
    }

    /** {@code execute_kw(db, uid, key, model, method, args, kwargs)}; authenticates first when needed. */
    public JsonNode execute(String model, String method, List<?> args, Map<String, ?> kwargs) {
        Long caller = uid;
        if (caller == null) {
            caller = authenticate().orElseThrow(() -> new OdooFault("odoo.exceptions.AccessDenied",
                    "Access Denied (common.authenticate refused the login " + connection.login() + " and its key)",
                    null, "common.authenticate"));
        }
        List<Object> rpcArgs = new ArrayList<>(List.of(connection.database(), caller,
                connection.apiKey() == null ? "" : connection.apiKey(), model, method, args));
        rpcArgs.add(kwargs == null ? Map.of() : kwargs);
        return call("object", "execute_kw", rpcArgs, model, method);
    }

    /** {@code search_read} with the domain, fields, order, paging and context given. */
    public JsonNode searchRead(String model, List<?> domain, List<String> fields, String order, int offset,
                               Integer limit, Map<String, ?> context) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("fields", fields);
        if (order != null) {
            kwargs.put("order", order);
        }
        if (offset > 0) {
            kwargs.put("offset", offset);
        }
        if (limit != null) {
            kwargs.put("limit", limit);
        }
        if (context != null && !context.isEmpty()) {
            kwargs.put("context", context);
        }
        return execute(model, "search_read", List.of(domain), kwargs);
    }

    public JsonNode read(String model, List<Long> ids, List<String> fields, Map<String, ?> context) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("fields", fields);
        if (context != null && !context.isEmpty()) {
            kwargs.put("context", context);
        }
        return execute(model, "read", List.of(ids), kwargs);
    }

    /** The fields the model has, with their types ({@code fields_get} with the {@code type} attribute). */
    public Map<String, String> fieldTypes(String model) {
        JsonNode fields = execute(model, "fields_get", List.of(), Map.of("attributes", List.of("type")));
        Map<String, String> types = new LinkedHashMap<>();
        fields.properties().forEach(e -> types.put(e.getKey(), e.getValue().path("type").asString("")));
        return types;
    }

    private JsonNode call(String service, String method, List<?> args, String model, String modelMethod) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", args);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("method", "call");
        envelope.put("params", params);
        envelope.put("id", ids.incrementAndGet());
        String what = model == null ? service + "." + method : model + "." + modelMethod;
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(connection.requestTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("User-Agent", "wabiz-odoo-connector")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(envelope), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new OdooUnavailable("Odoo did not answer " + what + " within " + connection.requestTimeout()
                    + " (whether it ran is unknown)", e);
        } catch (IOException e) {
            throw new OdooUnavailable("Odoo could not be reached for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooUnavailable("interrupted while calling " + what, e);
        }
        if (response.statusCode() != 200) {
            throw new OdooUnavailable("Odoo answered HTTP " + response.statusCode() + " to " + what + ": "
                    + firstLine(response.body()), null);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new OdooUnavailable("Odoo's answer to " + what + " is not JSON: " + firstLine(response.body()), e);
        }
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.path("data");
            String name = data.path("name").asString(null);
            String message = data.path("message").asString(error.path("message").asString("Odoo Server Error"));
            if (error.path("code").asInt(200) == 100 && name == null) {
                name = "odoo.http.SessionExpiredException";
            }
            OdooFault fault = new OdooFault(name, message, model, model == null ? service + "." + method : modelMethod);
            if (fault.kind() == OdooFault.Kind.AUTHENTICATION) {
                uid = null; // authenticate again next time: the key may have been replaced meanwhile
            }
            throw fault;
        }
        JsonNode result = answer.get("result");
        return result == null ? NullNode.getInstance() : result;
    }

    private static String firstLine(String body) {
        if (body == null) {
            return "";
        }
        String stripped = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return stripped.length() > 200 ? stripped.substring(0, 200) + "..." : stripped;
    }
}
