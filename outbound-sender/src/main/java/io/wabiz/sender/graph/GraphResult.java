package io.wabiz.sender.graph;

import tools.jackson.databind.JsonNode;

/** What one Graph API call came to: an answer (good or an error), no answer at all, or no call. */
public sealed interface GraphResult {

    record Ok(int status, JsonNode body) implements GraphResult {
    }

    /** Meta answered with an error ({@code {"error": {...}}}) or an HTTP error status. */
    record Failed(int status, GraphError error) implements GraphResult {
    }

    /** No answer from Meta, for whatever reason. */
    sealed interface Unanswered extends GraphResult {
        String reason();
    }

    /**
     * The request was written (or may have been) and no answer came: a read timeout, a reset. Meta may have
     * accepted the message; sending it again could make a duplicate.
     */
    record NoAnswer(String reason) implements Unanswered {
    }

    /**
     * The request provably never reached Meta: the connection was refused or could not be opened in time,
     * nothing was written, or the number's circuit is open. Safe to try again.
     */
    record NotSent(String reason) implements Unanswered {
    }

    /**
     * Meta's {@code error} object.
     *
     * @param code    0 when the answer carried no Graph API error (a bare 5xx from a proxy)
     * @param details Meta's {@code error_data.details}, the most specific explanation
     */
    record GraphError(int code, Integer subcode, String type, String message, String details, String fbtraceId) {
    }

    /** One line for logs. */
    static String describe(GraphResult result) {
        return switch (result) {
            case Ok ok -> "HTTP " + ok.status();
            case Failed failed -> "HTTP " + failed.status() + " error " + failed.error().code() + " "
                    + failed.error().message();
            case Unanswered none -> none.reason();
        };
    }
}
