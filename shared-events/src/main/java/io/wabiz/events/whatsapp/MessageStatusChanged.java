package io.wabiz.events.whatsapp;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.Immutables;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.List;

/**
 * A status webhook for a message we sent.
 *
 * @param bizOpaqueCallbackData echoed by Meta: the idempotency key of the send command
 */
public record MessageStatusChanged(String id, Instant occurredAt, String businessPhoneNumberId,
                                   String customerWaId, String wamid, DeliveryStatus status, Instant statusAt,
                                   String bizOpaqueCallbackData, ConversationWindow conversation,
                                   Pricing pricing, List<MetaError> errors) implements TopicRecord {

    public MessageStatusChanged {
        errors = Immutables.list(errors);
    }

    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, customerWaId);
    }

    /** Meta's {@code conversation}: the charged conversation this message opened or belongs to. */
    public record ConversationWindow(String id, String originType, Instant expiresAt) {
    }

    public record Pricing(boolean billable, String category, String pricingModel, String type) {
    }
}
