package io.wabiz.notifier.notifications;

/**
 * Where a notification stands. Outcomes only move forward ({@link #rank}): a late "delivered" never undoes "read".
 * {@code WAITING_FOR_PARTNER} and {@code SKIPPED} are decisions, not sends; {@code FAILED} is final.
 */
public enum NotificationState {
    WAITING_FOR_PARTNER(0),
    SKIPPED(10),
    /** The command is published; the sender has not answered yet. */
    PENDING(1),
    /** Meta accepted the message (it has a wamid): the ERP has been told. */
    ACCEPTED(2),
    SENT(3),
    DELIVERED(4),
    READ(5),
    FAILED(10);

    private final int rank;

    NotificationState(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Sent (or being sent): outcomes from the sender and statuses from Meta apply to it. */
    public boolean isSend() {
        return this != WAITING_FOR_PARTNER && this != SKIPPED;
    }
}
