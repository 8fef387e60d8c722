package io.wabiz.events.whatsapp;

import io.wabiz.events.TopicRecord;
import java.time.Instant;

/**
 * The raw body of a signed webhook POST, kept for audit and replay, including bodies that could
 * not be parsed ({@code problem} says why).
 */
public record WebhookReceived(String id, Instant occurredAt, String businessPhoneNumberId, String rawBody,
                              String problem) implements TopicRecord {

    public static final String UNKNOWN_NUMBER = "unknown";

    @Override
    public String key() {
        return businessPhoneNumberId == null ? UNKNOWN_NUMBER : businessPhoneNumberId;
    }
}
