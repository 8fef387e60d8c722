package io.wabiz.sender.send;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The memory of every send, by idempotency key: written before Meta is called (IN_FLIGHT) and after
 * (the outcome), so that a redelivered command never reaches Meta twice.
 *
 * <p>An outcome may be unknown: the call was cut off after its request was written. It stays so until a
 * status webhook carries the key ({@link #statusSeen}: the send becomes accepted, with the status's wamid),
 * or until it is declared unresolved ({@link #unresolved}) - and even then a late status still settles it.
 * Every transition is one atomic single-document write.
 */
public interface SendLedger {

    /**
     * Records the key as IN_FLIGHT if it is new. Returns empty when this call recorded it (go ahead),
     * or what an earlier delivery left: its outcome, or nothing when it stopped mid-call.
     */
    Optional<Earlier> begin(SendMessage command);

    /** This delivery is about to send the command's fallback template (a crash then leaves that on record). */
    void sendingFallback(String idempotencyKey);

    void complete(String idempotencyKey, TopicRecord outcome);

    /** Forgets an IN_FLIGHT key whose delivery stopped before calling Meta, so that it may be sent later. */
    void abandon(String idempotencyKey);

    /**
     * IN_FLIGHT becomes UNKNOWN: {@code unknown} is what a redelivery republishes until a status settles it,
     * {@code acceptedIfSeen} the acceptance (without wamid) that a status will confirm.
     *
     * @return the wamid of a status that already carried the key while the call was running
     */
    Optional<String> unknown(String idempotencyKey, MessageRejected unknown, MessageAccepted acceptedIfSeen);

    /**
     * A status webhook carried the key. A send whose outcome is unknown (or unresolved) becomes accepted with
     * {@code wamid}, and the acceptance is returned, with the same event id every time until
     * {@link #acceptancePublished} is called; a send still IN_FLIGHT keeps the wamid for when its call ends.
     * Anything else (a settled send, a key not ours) returns empty after one read.
     */
    Optional<MessageAccepted> statusSeen(String idempotencyKey, String wamid, Instant at);

    /** The acceptance that {@link #statusSeen} returned is on the topic: later statuses need not repeat it. */
    void acceptancePublished(String idempotencyKey);

    /** Unknown outcomes older than {@code unknownBefore} that no status settled (the oldest first). */
    List<Unknown> unknownSince(Instant unknownBefore, int max);

    /** UNKNOWN becomes UNRESOLVED, once (false when a status settled it, or another sweep did it, meanwhile). */
    boolean unresolved(String idempotencyKey);

    /**
     * @param outcome           null when the earlier delivery stopped between recording IN_FLIGHT and its outcome
     * @param fallbackAttempted that delivery had started sending the command's fallback template
     */
    record Earlier(String commandId, TopicRecord outcome, boolean fallbackAttempted) {
    }

    /** A send whose outcome is unknown since {@code since}. */
    record Unknown(String idempotencyKey, MessageRejected rejected, Instant since) {
    }
}
