package io.wabiz.testsupport;

import io.wabiz.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;

/**
 * A test's HTTP calls to a server on this machine (a service on its random port): real requests through
 * the JDK's client, answers as text, or read as JSON when they are. One client for the whole JVM.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final IntSupplier port;

    /** @param port read at each call, so that a field injected later (a Spring test's port) can be given */
    public TestHttp(IntSupplier port) {
        this.port = port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port.getAsInt() + pathAndQuery);
    }

    /** A request to {@code pathAndQuery} with the usual timeout, to complete and {@link #send}. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(REQUEST_TIMEOUT);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** Any method, with a body when not null, and the given headers. */
    public HttpResponse<String> call(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(pathAndQuery).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    /**
     * A call to a JSON API: {@code body} is sent as it is when a string, else as the platform writes records;
     * the answer is read as JSON when it says it is.
     */
    public Answer json(String method, String pathAndQuery, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(pathAndQuery).header("Accept", "application/json, application/problem+json");
        String json = body == null ? null : body instanceof String text ? text : EventJson.toJson(body);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return Answer.of(send(request.build()));
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with its body read as JSON (null when it is not JSON or empty). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public static Answer of(HttpResponse<String> response) {
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode parsed = !isJson || response.body() == null || response.body().isBlank() ? null
                    : EventJson.mapper().readTree(response.body());
            return new Answer(response.statusCode(), parsed, response);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
