package io.wabiz.ingress.normalise;

import static io.wabiz.ingress.normalise.JsonFields.epochSeconds;
import static io.wabiz.ingress.normalise.JsonFields.errors;
import static io.wabiz.ingress.normalise.JsonFields.firstText;
import static io.wabiz.ingress.normalise.JsonFields.optionalBoolean;
import static io.wabiz.ingress.normalise.JsonFields.optionalEpochSeconds;
import static io.wabiz.ingress.normalise.JsonFields.optionalText;
import static io.wabiz.ingress.normalise.JsonFields.requireObject;
import static io.wabiz.ingress.normalise.JsonFields.required;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reads one of Meta's {@code statuses[]}: a {@link MessageStatusChanged}, or a notice for a status we do not know. */
final class StatusReader {

    private final NoticeReader notices;

    StatusReader(NoticeReader notices) {
        this.notices = notices;
    }

    TopicRecord status(BodyRecords out, String wabaId, String phoneNumberId, JsonNode status, String at) {
        requireObject(status, at);
        String wamid = required(status, "id", at + ".id");
        // a customer known only by their business-scoped user id comes without recipient_id
        String recipientUserId = optionalText(status, "recipient_user_id");
        String recipient = recipientUserId == null ? required(status, "recipient_id", at + ".recipient_id")
                : firstText(status, "recipient_id", "recipient_user_id");
        String statusName = required(status, "status", at + ".status");
        Instant statusAt = epochSeconds(status, "timestamp", at + ".timestamp");
        DeliveryStatus delivery = deliveryStatus(statusName);
        if (delivery == null) {
            // a status Meta added after this code was written: kept as a notice, not forced into the enum
            return notices.notice(out, wabaId, WebhookNormaliser.MESSAGES_FIELD, null, status, phoneNumberId);
        }
        String id = BodyRecords.id("status", phoneNumberId, wamid, statusName, String.valueOf(statusAt));
        return new MessageStatusChanged(id, out.receivedAt, phoneNumberId, recipient, wamid, delivery, statusAt,
                optionalText(status, "biz_opaque_callback_data"), conversation(status.get("conversation")),
                pricing(status.get("pricing")), errors(status.get("errors")));
    }

    private static DeliveryStatus deliveryStatus(String name) {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (status.name().equalsIgnoreCase(name)) {
                return status;
            }
        }
        return null;
    }

    private static MessageStatusChanged.ConversationWindow conversation(JsonNode conversation) {
        if (conversation == null || !conversation.isObject()) {
            return null;
        }
        return new MessageStatusChanged.ConversationWindow(optionalText(conversation, "id"),
                optionalText(conversation.path("origin"), "type"),
                optionalEpochSeconds(conversation, "expiration_timestamp"));
    }

    private static MessageStatusChanged.Pricing pricing(JsonNode pricing) {
        if (pricing == null || !pricing.isObject()) {
            return null;
        }
        return new MessageStatusChanged.Pricing(Boolean.TRUE.equals(optionalBoolean(pricing, "billable")),
                optionalText(pricing, "category"), optionalText(pricing, "pricing_model"),
                optionalText(pricing, "type"));
    }
}
