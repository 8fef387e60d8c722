package io.wabiz.events.outbound;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/** Mark a customer's message as read (blue ticks), optionally showing the typing indicator. */
public record MarkMessageRead(String id, Instant occurredAt, String businessPhoneNumberId, String wamid,
                              boolean showTypingIndicator) implements TopicRecord {

    @Override
    public String key() {
        return businessPhoneNumberId;
    }
}
