package io.wabiz.conversations.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request the API refuses, turned into an RFC 9457 problem by {@link ProblemHandlers}. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, null);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " " + id, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
