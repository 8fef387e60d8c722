package io.wabiz.localstack.e2e;

import io.wabiz.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Real HTTP calls with JSON bodies, as a script or another system would make them. */
public final class JsonHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;

    public JsonHttp(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    /**
     * An answer: status and parsed body (a missing node when the body is empty or not JSON), and the
     * {@code Location} of a redirect (redirects are not followed), null otherwise.
     */
    public record Answer(int status, JsonNode body, String text, String location) {
        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : EventJson.toJson(body))));
    }

    public Answer put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : EventJson.toJson(body))));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Answer postRaw(String path, String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        extraHeaders.forEach(builder::header);
        return send(builder);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Answer send(HttpRequest.Builder builder) {
        headers.forEach(builder::header);
        builder.header("Accept", "application/json, application/problem+json");
        builder.timeout(Duration.ofSeconds(15));
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? EventJson.mapper().missingNode()
                        : EventJson.mapper().readTree(response.body());
            } catch (RuntimeException notJson) {
                body = EventJson.mapper().missingNode();
            }
            return new Answer(response.statusCode(), body, response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
