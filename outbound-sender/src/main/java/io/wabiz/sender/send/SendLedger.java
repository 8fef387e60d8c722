package io.wabiz.sender.send;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.SendMessage;
import java.util.Optional;

/**
 * The memory of every send, by idempotency key: written before Meta is called (IN_FLIGHT) and after
 * (the outcome), so that a redelivered command never reaches Meta twice.
 */
public interface SendLedger {

    /**
     * Records the key as IN_FLIGHT if it is new. Returns empty when this call recorded it (go ahead),
     * or what an earlier delivery left: its outcome, or nothing when it stopped mid-call.
     */
    Optional<Earlier> begin(SendMessage command);

    void complete(String idempotencyKey, TopicRecord outcome);

    /** Forgets an IN_FLIGHT key whose delivery stopped before calling Meta, so that it may be sent later. */
    void abandon(String idempotencyKey);

    /** @param outcome null when the earlier delivery stopped between recording IN_FLIGHT and its outcome */
    record Earlier(String commandId, TopicRecord outcome) {
    }
}
