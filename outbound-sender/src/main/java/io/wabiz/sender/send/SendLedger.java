package io.wabiz.sender.send;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The memory of every send, by idempotency key: written just before Meta is called (IN_FLIGHT) and after
 * (the outcome), so that a redelivered command never reaches Meta twice.
 *
 * <p>An outcome may be unknown: the call was cut off after its request was written. It stays so until a
 * status webhook carries the key ({@link #statusSeen}: the send becomes accepted, with the status's wamid),
 * or until it is declared unresolved ({@link #unresolved}) - and even then a late status still settles it.
 * Every transition is one atomic single-document write.
 */
public interface SendLedger {

    /** What an earlier delivery of this key left, if one did (one read: the common case finds nothing). */
    Optional<Earlier> earlier(String idempotencyKey);

    /**
     * Records the key IN_FLIGHT, just before the first request of the send is written (not before it waited
     * for its turn: a crash then leaves only the calls that may have reached Meta in doubt). Returns empty
     * when this call recorded it (go ahead), or what an earlier delivery left.
     *
     * @param form the form about to be sent: a fallback template is remembered, for a crash mid-call
     */
    Optional<Earlier> begin(SendMessage command, SendForm form);

    /**
     * Stores the outcome of a send decided before any call (refused, unknown number, paused): returns empty,
     * or what an earlier delivery left when it was there first.
     */
    Optional<Earlier> record(SendMessage command, TopicRecord outcome);

    /** This delivery, IN_FLIGHT, is about to send the command's fallback template after all (Meta's 131047). */
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
