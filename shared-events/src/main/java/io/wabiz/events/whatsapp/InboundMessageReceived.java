package io.wabiz.events.whatsapp;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * A customer's message, as Meta delivered it to the webhook.
 *
 * @param wamid       Meta's message id, the natural dedup key
 * @param sentAt      Meta's {@code timestamp}: when the customer sent it
 * @param type        Meta's message type as sent ({@code text}, {@code interactive}, {@code button}, ...)
 * @param customerUserId the business-scoped user id, when Meta sends one
 */
public record InboundMessageReceived(String id, Instant occurredAt, String businessPhoneNumberId,
                                     String displayPhoneNumber, String wabaId, String customerWaId,
                                     String customerUserId, String customerProfileName, String wamid,
                                     Instant sentAt, String type, ReplyContext context,
                                     InboundContent content) implements TopicRecord {

    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, customerWaId);
    }
}
