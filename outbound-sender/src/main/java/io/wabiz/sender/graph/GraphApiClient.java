package io.wabiz.sender.graph;

import io.wabiz.events.EventJson;
import io.wabiz.sender.SenderProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's Graph API over the plain JDK HTTP client: one call is one request (no hidden retries, no
 * redirects), with connect and request timeouts. Tokens go in the Authorization header and nowhere else.
 */
public class GraphApiClient {

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration requestTimeout;

    public GraphApiClient(SenderProperties.GraphApi config) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.valueOf(config.httpVersion()))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        String base = config.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.requestTimeout = config.requestTimeout();
    }

    /** {@code POST /{version}/{phone-number-id}/messages}. */
    public GraphResult postMessage(GraphAccount account, ObjectNode body) {
        return postMessage(account, body, () -> { });
    }

    /**
     * {@code POST /{version}/{phone-number-id}/messages}, telling {@code onWrite} when the client starts
     * writing the request body (the connection is open, the headers are going out): the moment Meta
     * counts it, which can be well after the call began when a connection has to be opened.
     */
    public GraphResult postMessage(GraphAccount account, ObjectNode body, Runnable onWrite) {
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body));
        HttpRequest request = request(account, account.phoneNumberId() + "/messages", Map.of())
                .header("Content-Type", "application/json")
                .POST(new HttpRequest.BodyPublisher() {
                    @Override
                    public long contentLength() {
                        return bytes.contentLength();
                    }

                    @Override
                    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                        onWrite.run();
                        bytes.subscribe(subscriber);
                    }
                })
                .build();
        return call(request);
    }

    /** {@code GET /{version}/{path}?query}. */
    public GraphResult get(GraphAccount account, String path, Map<String, String> query) {
        return call(request(account, path, query).GET().build());
    }

    /** {@code GET} of an absolute URL Meta gave us (paging.next), with the account's token. */
    public GraphResult getAbsolute(GraphAccount account, URI url) {
        return call(HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Authorization", "Bearer " + account.accessToken()).GET().build());
    }

    /** {@code POST /{version}/{phone-number-id}/media} (multipart): answers {@code {"id": "<media id>"}}. */
    public GraphResult uploadMedia(GraphAccount account, byte[] content, String mimeType, String filename) {
        String boundary = "wabiz-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writePart(body, boundary, "messaging_product", null, null, "whatsapp".getBytes(StandardCharsets.UTF_8));
        writePart(body, boundary, "type", null, null, mimeType.getBytes(StandardCharsets.UTF_8));
        writePart(body, boundary, "file", filename, mimeType, content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(account, account.phoneNumberId() + "/media", Map.of())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return call(request);
    }

    private static void writePart(ByteArrayOutputStream out, String boundary, String name, String filename,
                                  String contentType, byte[] value) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(filename.replace("\"", "")).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(GraphAccount account, String path, Map<String, String> query) {
        String queryString = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(baseUrl.resolve(account.apiVersion() + "/" + path + queryString))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + account.accessToken());
    }

    private GraphResult call(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new GraphResult.NoAnswer("timeout: " + e.getMessage());
        } catch (IOException e) {
            return new GraphResult.NoAnswer(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GraphResult.NoAnswer("interrupted");
        }
        JsonNode body = parse(response.body());
        JsonNode error = body.path("error");
        if (response.statusCode() / 100 == 2 && error.isMissingNode()) {
            return new GraphResult.Ok(response.statusCode(), body);
        }
        return new GraphResult.Failed(response.statusCode(), new GraphResult.GraphError(
                error.path("code").asInt(0),
                error.has("error_subcode") ? error.path("error_subcode").asInt() : null,
                text(error, "type"),
                text(error, "message") != null ? text(error, "message") : "HTTP " + response.statusCode(),
                text(error.path("error_data"), "details"),
                text(error, "fbtrace_id")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? EventJson.mapper().createObjectNode()
                    : EventJson.mapper().readTree(body);
        } catch (RuntimeException notJson) {
            return EventJson.mapper().createObjectNode();
        }
    }
}
