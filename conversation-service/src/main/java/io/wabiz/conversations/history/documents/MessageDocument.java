package io.wabiz.conversations.history.documents;

import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.ReplyContext;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of the history. Its id is the {@code wamid} once Meta gave one, or {@code cmd:<idempotency key>}
 * for a send Meta has not accepted (yet). A status that arrives before its message creates the document with
 * only its status fields; {@code direction} is set once the message itself is known.
 *
 * @param at          when the customer sent it (inbound) or when it was asked for (outbound)
 * @param statusRank  {@link StatusProgress#rank} of the furthest status reached (outbound only)
 * @param timeline    the first time each status was reached, by status name
 * @param context     what an inbound message quotes or answers
 * @param summarized  the conversation's summary already counts this message
 * @param requestFingerprint for a staff send: what was asked, to tell a retry from a different request
 * @param edited             the latest edit of the message by its sender (the original text stays in {@code text})
 * @param revokedAt          when its sender deleted it for everyone
 * @param sentFrom           {@code BUSINESS_APP} for a message the business sent from the WhatsApp Business app
 * @param unresolvedSince    the send's outcome is unknown since then and the sender gave up waiting for Meta's
 *                           status: staff may resend it (under a new key)
 */
@Document(MessageDocument.COLLECTION)
public record MessageDocument(@Id String id, String wamid, String conversationId, String businessPhoneNumberId,
                              String customerWaId, Direction direction, String type, String text,
                              MessageContent.MediaRef media, Map<String, Object> content, Instant at,
                              Integer statusRank, Map<String, Instant> timeline, Instant acceptedAt,
                              MessageError error, String pricingCategory, Boolean billable, String replyToWamid,
                              ReplyContext context, Correlation correlation, String idempotencyKey,
                              String commandId, String sendForm, String customerProfileName, Boolean summarized,
                              String requestFingerprint, Instant unresolvedSince, Edited edited,
                              Instant revokedAt, String sentFrom) {

    public static final String COLLECTION = "messages";
    public static final String PENDING_PREFIX = "cmd:";

    public static String pendingId(String idempotencyKey) {
        return PENDING_PREFIX + idempotencyKey;
    }

    public boolean known() {
        return direction != null;
    }

    /** The furthest delivery status reached (null for a customer message). */
    public DeliveryStatus status() {
        return StatusProgress.ofRank(statusRank);
    }

    /** An edit of a message: when, and its new content. Field order matters: {@code $max} compares by {@code at}. */
    public record Edited(Instant at, String type, String text, Map<String, Object> content) {
    }

    /** Why a message failed, and what to do about it. */
    public record MessageError(int code, String title, String message, String help, String href, Instant at) {
    }
}
