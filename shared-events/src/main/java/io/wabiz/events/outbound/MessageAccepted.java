package io.wabiz.events.outbound;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * Meta accepted a send: from now on its statuses follow under {@code wamid}.
 *
 * @param content what was actually sent (the fallback template when {@code form} says so)
 */
public record MessageAccepted(String id, Instant occurredAt, String commandId, String idempotencyKey,
                              String businessPhoneNumberId, String recipientWaId, String wamid, SendForm form,
                              OutboundContent content, Correlation correlation, String replyToWamid)
        implements TopicRecord {

    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, recipientWaId);
    }
}
