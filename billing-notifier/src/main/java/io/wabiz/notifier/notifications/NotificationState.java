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
    /**
     * The sender's call to Meta was cut off after the request was written: the message may or may not have gone
     * out. A status from Meta settles it (then ACCEPTED); nothing is resent by itself.
     */
    OUTCOME_UNKNOWN(1),
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
