package io.wabiz.events.outbound;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * A send whose outcome stayed unknown: its call to Meta was cut off after the request was written (a timeout,
 * a reset, the sender stopped), and no status webhook carrying its idempotency key came within the sender's
 * {@code sender.reconciliation.resolve-within}. The message may or may not have reached the customer; nothing
 * is resent by itself. Staff, or an automation, may resend it explicitly under a new idempotency key. Should a
 * status for it come later after all, a {@link MessageAccepted} for the same key follows.
 *
 * @param unknownSince when the outcome became unknown (the {@link MessageRejected} "Outcome unknown")
 * @param content      what the sender tried to send (the fallback template, when it was that)
 */
public record MessageOutcomeUnresolved(String id, Instant occurredAt, String commandId, String idempotencyKey,
                                       String businessPhoneNumberId, String recipientWaId, Instant unknownSince,
                                       String reason, String helpText, OutboundContent content,
                                       Correlation correlation) implements TopicRecord {

    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, recipientWaId);
    }
}
