package io.wabiz.console.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service refused or failed a call: its HTTP status and what its problem-details body says ({@code title},
 * {@code detail}, and conversation-service's {@code reason} such as {@code OPTED_OUT}).
 */
public class ServiceProblem extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final String reason;

    public ServiceProblem(String service, int status, String title, String detail, String reason) {
        super(service + " answered " + status + ": " + (detail != null ? detail : title));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.reason = reason;
    }

    /** The service could not be reached at all. */
    public static ServiceProblem unreachable(String service, Exception cause) {
        ServiceProblem problem = new ServiceProblem(service, 503, "Service unavailable",
                service + " could not be reached: " + cause.getMessage(), null);
        problem.initCause(cause);
        return problem;
    }

    /** The service's client, or 503 "Not connected" when the console was not told where it is ({@code property}). */
    public static <T> T connected(T client, String service, String property) {
        if (client == null) {
            throw new ServiceProblem(service, 503, "Not connected",
                    property + " is not set: the console does not know where " + service + " is", null);
        }
        return client;
    }

    public static ServiceProblem of(String service, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String title = response.getStatusText();
        String detail = null;
        String reason = null;
        try (InputStream body = response.getBody()) {
            String text = new String(body.readNBytes(16_384), StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                try {
                    JsonNode problem = JSON.readTree(text);
                    title = text(problem, "title", title);
                    detail = text(problem, "detail", null);
                    reason = text(problem, "reason", null);
                } catch (RuntimeException notJson) {
                    detail = text.length() > 300 ? text.substring(0, 300) : text;
                }
            }
        }
        return new ServiceProblem(service, status, title, detail, reason);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString() : otherwise;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String reason() {
        return reason;
    }

    public boolean forbidden() {
        return status == 403;
    }

    public boolean notFound() {
        return status == 404;
    }
}
