package io.wabiz.events.outbound;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * The command to send one WhatsApp message; only the outbound sender acts on it.
 *
 * @param recipientWaId    the customer's wa_id, or their business-scoped user id when Meta gave no phone
 *                         number ({@link io.wabiz.events.whatsapp.WhatsAppUserIds}): the sender then addresses Meta's
 *                         {@code recipient} field instead of {@code to}
 * @param fallbackTemplate sent instead of free-form content when the customer's 24-hour window is closed
 * @param idempotencyKey   the same key never reaches Meta twice; it travels as {@code biz_opaque_callback_data}
 * @param replyToWamid     the customer message this one quotes (Meta's {@code context.message_id})
 */
public record SendMessage(String id, Instant occurredAt, String businessPhoneNumberId, String recipientWaId,
                          OutboundContent content, OutboundContent.Template fallbackTemplate, String idempotencyKey,
                          Correlation correlation, String replyToWamid) implements TopicRecord {

    public SendMessage {
        Objects.requireNonNull(businessPhoneNumberId, "businessPhoneNumberId");
        Objects.requireNonNull(recipientWaId, "recipientWaId");
        Objects.requireNonNull(content, "content");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            idempotencyKey = id;
        }
    }

    /** Keyed by business number: one consumer owns one number's rate limiter. */
    @Override
    public String key() {
        return businessPhoneNumberId;
    }

    public String conversationKey() {
        return ConversationKey.of(businessPhoneNumberId, recipientWaId);
    }
}
