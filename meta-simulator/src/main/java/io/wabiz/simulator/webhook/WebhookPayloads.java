package io.wabiz.simulator.webhook;

import java.time.Instant;

import io.wabiz.events.whatsapp.WhatsAppUserIds;
import io.wabiz.simulator.SimulatorProperties.PhoneNumber;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds webhook bodies shaped exactly like Meta's ({@code whatsapp_business_account} / {@code messages} field). */
public final class WebhookPayloads {

    static final String ERROR_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

    private final JsonMapper json;

    public WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    /**
     * A customer's message; {@code message} is the {@code messages[]} entry (see the factory methods below). A
     * customer known only by a business-scoped user id comes as Meta sends them: {@code user_id} in the contact
     * and {@code from_user_id} in the message instead of {@code wa_id} and {@code from}.
     */
    public String customerMessage(PhoneNumber phone, String customerWaId, String profileName, ObjectNode message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode value = envelope(root, phone);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", profileName);
        if (WhatsAppUserIds.isBusinessScoped(customerWaId)) {
            contact.put("user_id", customerWaId);
            message.remove("from");
            message.put("from_user_id", customerWaId);
        } else {
            contact.put("wa_id", customerWaId);
        }
        value.putArray("messages").add(message);
        return json.writeValueAsString(root);
    }

    public String status(PhoneNumber phone, StatusEvent event) {
        ObjectNode root = json.createObjectNode();
        ObjectNode value = envelope(root, phone);
        ObjectNode status = value.putArray("statuses").addObject();
        status.put("id", event.wamid());
        status.put("status", event.status());
        status.put("timestamp", epochSeconds(event.at()));
        if (WhatsAppUserIds.isBusinessScoped(event.recipientWaId())) {
            status.put("recipient_user_id", event.recipientWaId()); // no phone number to give
        } else {
            status.put("recipient_id", event.recipientWaId());
        }
        if (event.bizOpaqueCallbackData() != null) {
            status.put("biz_opaque_callback_data", event.bizOpaqueCallbackData());
        }
        if (event.conversation() != null) {
            ObjectNode conversation = status.putObject("conversation");
            conversation.put("id", event.conversation().id());
            if (event.conversation().expiresAt() != null) {
                conversation.put("expiration_timestamp", epochSeconds(event.conversation().expiresAt()));
            }
            conversation.putObject("origin").put("type", event.conversation().originType());
        }
        if (event.pricingCategory() != null) {
            ObjectNode pricing = status.putObject("pricing");
            pricing.put("billable", !"service".equals(event.pricingCategory()));
            pricing.put("pricing_model", "PMP");
            pricing.put("category", event.pricingCategory());
        }
        if (!event.errors().isEmpty()) {
            ArrayNode errors = status.putArray("errors");
            for (StatusEvent.ErrorDetail detail : event.errors()) {
                ObjectNode error = errors.addObject();
                error.put("code", detail.code());
                error.put("title", detail.title());
                error.put("message", detail.title());
                error.putObject("error_data").put("details", detail.details());
                error.put("href", ERROR_HREF);
            }
        }
        return json.writeValueAsString(root);
    }

    public ObjectNode textMessage(String from, String wamid, Instant at, String body) {
        ObjectNode message = message(from, wamid, at, "text", null);
        message.putObject("text").put("body", body);
        return message;
    }

    public ObjectNode buttonReply(String from, String wamid, Instant at, Context context, String id, String title) {
        ObjectNode message = message(from, wamid, at, "interactive", context);
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button_reply");
        interactive.putObject("button_reply").put("id", id).put("title", title);
        return message;
    }

    public ObjectNode listReply(String from, String wamid, Instant at, Context context, String id, String title,
                                String description) {
        ObjectNode message = message(from, wamid, at, "interactive", context);
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "list_reply");
        ObjectNode reply = interactive.putObject("list_reply").put("id", id).put("title", title);
        if (description != null) {
            reply.put("description", description);
        }
        return message;
    }

    /** A tap on a template's quick-reply button: Meta's {@code button} message type. */
    public ObjectNode templateButton(String from, String wamid, Instant at, Context context, String payload,
                                     String text) {
        ObjectNode message = message(from, wamid, at, "button", context);
        message.putObject("button").put("payload", payload).put("text", text);
        return message;
    }

    /** @param from the business display number as digits, {@code id} the business message's wamid */
    public record Context(String from, String id) {
    }

    private ObjectNode message(String from, String wamid, Instant at, String type, Context context) {
        ObjectNode message = json.createObjectNode();
        if (context != null) {
            message.putObject("context").put("from", context.from()).put("id", context.id());
        }
        message.put("from", from);
        message.put("id", wamid);
        message.put("timestamp", epochSeconds(at));
        message.put("type", type);
        return message;
    }

    private static ObjectNode envelope(ObjectNode root, PhoneNumber phone) {
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", phone.wabaId());
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        change.put("field", "messages");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata")
                .put("display_phone_number", phone.displayDigits())
                .put("phone_number_id", phone.id());
        return value;
    }

    private static String epochSeconds(Instant at) {
        return Long.toString(at.getEpochSecond());
    }
}
