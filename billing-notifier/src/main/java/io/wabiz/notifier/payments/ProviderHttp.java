package io.wabiz.notifier.payments;

import io.wabiz.events.EventJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to a payment provider with the JDK client: one call is one request (no hidden retry of a POST, no
 * redirects), with timeouts, and every answer classified so that an adapter can tell "refused" from "not known".
 */
final class ProviderHttp {

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    Answer send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            return new Answer.NotSent(e.getClass().getSimpleName());
        } catch (HttpTimeoutException e) {
            return new Answer.NoAnswer("timeout after " + timeout);
        } catch (IOException e) {
            return e.getCause() instanceof ConnectException ? new Answer.NotSent("connection refused")
                    : new Answer.NoAnswer(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.NoAnswer("interrupted");
        }
        return new Answer.Received(response.statusCode(), parse(response.body()));
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? EventJson.mapper().createObjectNode()
                    : EventJson.mapper().readTree(body);
        } catch (RuntimeException notJson) {
            return EventJson.mapper().createObjectNode();
        }
    }

    /** How a call ended. */
    sealed interface Answer {
        /** The request never left (connection refused, unknown host): nothing can have happened. */
        record NotSent(String cause) implements Answer {
        }

        /** Sent, but no answer came: it may have been carried out. */
        record NoAnswer(String cause) implements Answer {
        }

        record Received(int status, JsonNode body) implements Answer {
            boolean ok() {
                return status / 100 == 2;
            }

            /** 429 and 5xx: the provider may have acted, or may later. */
            boolean transientFailure() {
                return status == 429 || status >= 500;
            }

            String text(String field) {
                JsonNode value = body.path(field);
                return value.isMissingNode() || value.isNull() ? null : value.asString();
            }
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asString().isEmpty() ? null : value.asString();
    }
}
