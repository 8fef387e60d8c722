package io.wabiz.simulator.webhook;

import java.time.Instant;

/** One webhook and how its delivery went so far (attempts are recorded as they happen). */
public final class WebhookDelivery {

    public enum Kind { MESSAGE, STATUS, FORGED }

    private final long id;
    private final Instant createdAt;
    private final Kind kind;
    private final String wamid;
    private final String status;
    private final String body;
    private int attempts;
    private Integer lastHttpStatus;
    private String lastError;
    private boolean delivered;
    private boolean givenUp;

    WebhookDelivery(long id, Instant createdAt, Kind kind, String wamid, String status, String body) {
        this.id = id;
        this.createdAt = createdAt;
        this.kind = kind;
        this.wamid = wamid;
        this.status = status;
        this.body = body;
    }

    synchronized void recordAttempt(Integer httpStatus, String error, boolean success) {
        attempts++;
        lastHttpStatus = httpStatus;
        lastError = error;
        delivered = success;
    }

    synchronized void giveUp() {
        givenUp = true;
    }

    String body() {
        return body;
    }

    Kind kind() {
        return kind;
    }

    public synchronized View view() {
        return new View(id, createdAt, kind, wamid, status, attempts, lastHttpStatus, lastError, delivered, givenUp,
                body);
    }

    /** What {@code GET /simulator/webhooks} shows. */
    public record View(long id, Instant createdAt, Kind kind, String wamid, String status, int attempts,
                       Integer lastHttpStatus, String lastError, boolean delivered, boolean givenUp, String body) {
    }
}
