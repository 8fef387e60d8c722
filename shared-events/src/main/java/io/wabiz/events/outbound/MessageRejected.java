package io.wabiz.events.outbound;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * A send that did not reach Meta, or that Meta refused.
 *
 * @param errorCode Meta's error code, or the platform's own reason when it refused before calling Meta
 * @param helpText  what a person should do about it (re-engage with a template, rotate the token, ...)
 * @param retryable whether sending the same command later may succeed
 */
public record MessageRejected(String id, Instant occurredAt, String commandId, String idempotencyKey,
                              String businessPhoneNumberId, String recipientWaId, int errorCode, String errorTitle,
                              String reason, String helpText, boolean retryable, OutboundContent content,
                              Correlation correlation) implements TopicRecord {

    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, recipientWaId);
    }
}
