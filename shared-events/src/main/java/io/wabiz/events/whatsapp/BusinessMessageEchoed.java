package io.wabiz.events.whatsapp;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * A message the business sent from the WhatsApp Business app on the same number (Meta's
 * {@code smb_message_echoes}): part of the conversation, outbound, but not sent by the platform (no command,
 * no idempotency key). An edit or a deletion made in the app comes as {@link InboundContent.Edit} or
 * {@link InboundContent.Revoke}.
 *
 * @param customerWaId   the customer written to: their wa_id, or their business-scoped user id when Meta gives no number
 * @param customerUserId the customer's business-scoped user id, when Meta sends one
 * @param sentAt         Meta's {@code timestamp}: when the business sent it
 * @param type           Meta's message type as sent
 */
public record BusinessMessageEchoed(String id, Instant occurredAt, String businessPhoneNumberId,
                                    String displayPhoneNumber, String wabaId, String customerWaId,
                                    String customerUserId, String wamid, Instant sentAt, String type,
                                    InboundContent content) implements TopicRecord {

    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, customerWaId);
    }
}
