package io.wabiz.sender.graph;

import io.wabiz.events.EventJson;
import io.wabiz.sender.SenderProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
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
 * Meta's Graph API over the plain JDK HTTP clients: one call is one request (no hidden retries, no
 * redirects), with connect and request timeouts. Tokens go in the Authorization header and nowhere else.
 *
 * <p>A failure is {@link GraphResult.NotSent} only when the request provably never left (the connection
 * could not be opened, nothing was written); once it may be on its way, a timeout or a reset is
 * {@link GraphResult.NoAnswer}: Meta may have acted on it. A kept-alive connection that the server had
 * closed in the meantime fails after the write too, and counts as {@code NoAnswer}: from here the two
 * cannot be told apart.
 */
public class GraphApiClient {

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration requestTimeout;
    private final Duration connectTimeout;

    static {
        // HttpURLConnection, used for sends: never resend a POST by itself (a duplicate WhatsApp message),
        // and keep enough idle connections for 80 to 1,000 calls in flight (the default keeps 5).
        // Both are read once, when the JDK's HTTP classes load, so they are set before any use.
        System.setProperty("sun.net.http.retryPost", "false");
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "1000");
        }
    }

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
        this.connectTimeout = config.connectTimeout();
    }

    /** {@code POST /{version}/{phone-number-id}/messages}. */
    public GraphResult postMessage(GraphAccount account, ObjectNode body) {
        return postMessage(account, body, () -> { });
    }

    /**
     * {@code POST /{version}/{phone-number-id}/messages}, calling {@code onWrite} once the connection is
     * open and just before the request is written: the moment Meta counts it (the caller may wait there for
     * its rate). If {@code onWrite} throws, nothing is sent and the exception comes out.
     *
     * <p>Sends use {@link HttpURLConnection} on the calling (virtual) thread rather than {@link HttpClient}:
     * the latter writes from its own selector thread, at a time the caller cannot see, so under load
     * requests left in bursts the rate limiter never allowed. Here the thread that takes the rate permit
     * writes the bytes. Its silent retry of a failed POST is switched off (see the static block).
     */
    public GraphResult postMessage(GraphAccount account, ObjectNode body, Runnable onWrite) {
        byte[] bytes = EventJson.toBytes(body);
        URI uri = baseUrl.resolve(account.apiVersion() + "/" + account.phoneNumberId() + "/messages");
        HttpURLConnection connection = null;
        boolean written = false;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) requestTimeout.toMillis());
            connection.setRequestProperty("Authorization", "Bearer " + account.accessToken());
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            // buffered, not streamed: a streamed request answered 401 (Meta's code 190, expired token) loses
            // its error body to an HttpRetryException. The request leaves in getResponseCode, on this thread,
            // right after onWrite; the limiter's pacing leaves room for that gap.
            connection.connect();
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            try {
                onWrite.run();
            } catch (RuntimeException refused) { // the caller decided not to send after all: nothing left
                disconnect(connection);
                throw refused;
            }
            // From here on the request may be on its way: whatever fails now, Meta may have it.
            written = true;
            int status = connection.getResponseCode();
            byte[] answer;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            return answer(status, answer);
        } catch (IOException e) {
            disconnect(connection);
            String reason = (e instanceof SocketTimeoutException ? "timeout" : e.getClass().getSimpleName())
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return written ? new GraphResult.NoAnswer(reason) : new GraphResult.NotSent(reason);
        }
    }

    private static void disconnect(HttpURLConnection connection) {
        if (connection != null) {
            connection.disconnect();
        }
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
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new GraphResult.NotSent(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return new GraphResult.NoAnswer("timeout: " + e.getMessage());
        } catch (IOException e) {
            return new GraphResult.NoAnswer(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GraphResult.NoAnswer("interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    private static GraphResult answer(int status, byte[] bytes) {
        JsonNode body = parse(bytes);
        JsonNode error = body.path("error");
        if (status / 100 == 2 && error.isMissingNode()) {
            return new GraphResult.Ok(status, body);
        }
        return new GraphResult.Failed(status, new GraphResult.GraphError(
                error.path("code").asInt(0),
                error.has("error_subcode") ? error.path("error_subcode").asInt() : null,
                text(error, "type"),
                text(error, "message") != null ? text(error, "message") : "HTTP " + status,
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
