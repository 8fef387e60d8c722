package io.wabiz.ingress.normalise;

import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.events.whatsapp.ReplyContext;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a WhatsApp webhook body ({@code object}, {@code entry[].changes[]}) into the platform's records.
 * {@code field=messages} changes give one {@link InboundMessageReceived} per message and one
 * {@link MessageStatusChanged} per status; anything else (other fields, {@code value.errors}, statuses we
 * do not know) becomes an {@link AccountNoticeReceived} with its raw value, so nothing is dropped.
 * Unknown message types are kept as {@link InboundContent.Unsupported} with their raw JSON.
 *
 * <p>What is refused ({@link MalformedWebhookException}): bodies that are not JSON, and bodies whose
 * identity fields (phone number id, customer id, message id, status, timestamps) are missing or of the
 * wrong type, because no correct record could be keyed from them. Record ids are derived from the content,
 * so Meta's retry of the same body yields the same ids.
 */
public final class WebhookNormaliser {

    static final String OBJECT = "whatsapp_business_account";
    static final String MESSAGES_FIELD = "messages";

    /**
     * Content after the first JSON value is ignored rather than refused: Meta's body is authenticated by its
     * signature and kept whole on the raw topic, and one of the shared real samples (textMessageStatusRead)
     * carries such a stray trailing token. A body that does not start with a complete JSON object is refused.
     */
    private final JsonMapper json = EventJson.configure(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    public NormalisedWebhook normalise(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("body is not a JSON object");
        }
        String object = scalar(root, "object", "object");
        if (!OBJECT.equals(object)) {
            throw new MalformedWebhookException("object must be '" + OBJECT + "', was '" + object + "'");
        }
        Builder out = new Builder(receivedAt);
        for (JsonNode entry : array(root, "entry", "entry", true)) {
            String where = "entry[" + out.entryIndex++ + "]";
            requireObject(entry, where);
            String wabaId = required(entry, "id", where + ".id");
            String entryTime = scalar(entry, "time", where + ".time");
            int changeIndex = 0;
            for (JsonNode change : array(entry, "changes", where + ".changes", true)) {
                String at = where + ".changes[" + changeIndex++ + "]";
                requireObject(change, at);
                String field = required(change, "field", at + ".field");
                JsonNode value = change.get("value");
                if (value == null || !value.isObject()) {
                    throw new MalformedWebhookException(at + ".value must be an object");
                }
                if (MESSAGES_FIELD.equals(field)) {
                    messagesChange(out, wabaId, value, at + ".value");
                } else {
                    out.add(notice(out, wabaId, field, entryTime, value, null));
                }
            }
        }
        return new NormalisedWebhook(out.records, new ArrayList<>(out.phoneNumberIds));
    }

    private void messagesChange(Builder out, String wabaId, JsonNode value, String at) {
        JsonNode metadata = value.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            // not the message/status shape we know: keep it whole rather than guess
            out.add(notice(out, wabaId, MESSAGES_FIELD, null, value, null));
            return;
        }
        String phoneNumberId = required(metadata, "phone_number_id", at + ".metadata.phone_number_id");
        String displayNumber = scalar(metadata, "display_phone_number", at + ".metadata.display_phone_number");
        out.phoneNumberIds.add(phoneNumberId);
        boolean understood = false;

        List<JsonNode> contacts = array(value, "contacts", at + ".contacts", false);
        int index = 0;
        for (JsonNode message : array(value, "messages", at + ".messages", false)) {
            out.add(message(wabaId, phoneNumberId, displayNumber, contacts, message,
                    at + ".messages[" + index++ + "]", out.receivedAt));
            understood = true;
        }
        index = 0;
        for (JsonNode status : array(value, "statuses", at + ".statuses", false)) {
            out.add(status(out, wabaId, phoneNumberId, status, at + ".statuses[" + index++ + "]"));
            understood = true;
        }
        if (value.has("errors")) {
            out.add(notice(out, wabaId, MESSAGES_FIELD, null, value, phoneNumberId));
            understood = true;
        }
        if (!understood) {
            out.add(notice(out, wabaId, MESSAGES_FIELD, null, value, phoneNumberId));
        }
    }

    private InboundMessageReceived message(String wabaId, String phoneNumberId, String displayNumber,
                                           List<JsonNode> contacts, JsonNode message, String at, Instant receivedAt) {
        requireObject(message, at);
        String from = required(message, "from", at + ".from");
        String wamid = required(message, "id", at + ".id");
        Instant sentAt = epochSeconds(message, "timestamp", at + ".timestamp");
        String type = scalar(message, "type", at + ".type");
        JsonNode contact = contacts.stream()
                .filter(c -> c.isObject() && from.equals(c.path("wa_id").asString(null)))
                .findFirst().orElse(contacts.size() == 1 && contacts.getFirst().isObject() ? contacts.getFirst() : null);
        String profileName = contact == null ? null : optionalText(contact.path("profile"), "name");
        String userId = contact == null ? null : optionalText(contact, "user_id");
        if (userId == null) {
            userId = optionalText(message, "from_user_id");
        }
        String id = id("message", phoneNumberId, wamid);
        return new InboundMessageReceived(id, receivedAt, phoneNumberId, displayNumber, wabaId, from, userId,
                profileName, wamid, sentAt, type, context(message.get("context")), content(type, message));
    }

    private static ReplyContext context(JsonNode context) {
        if (context == null || !context.isObject()) {
            return null;
        }
        JsonNode product = context.path("referred_product");
        return new ReplyContext(optionalText(context, "from"), optionalText(context, "id"),
                optionalBoolean(context, "forwarded"), optionalBoolean(context, "frequently_forwarded"),
                product.isObject() ? optionalText(product, "product_retailer_id") : null);
    }

    private InboundContent content(String type, JsonNode message) {
        if ("contacts".equals(type)) {
            return contacts(message.get("contacts"), message);
        }
        JsonNode body = type == null ? null : message.get(type);
        if (type == null || body == null || !body.isObject()) {
            return unsupported(type, message);
        }
        return switch (type) {
            case "text" -> new InboundContent.Text(optionalText(body, "body"));
            case "interactive" -> interactive(body, message);
            case "button" -> new InboundContent.QuickReply(optionalText(body, "payload"), optionalText(body, "text"));
            case "image", "audio", "video", "sticker", "document" -> new InboundContent.Media(
                    InboundContent.MediaKind.valueOf(type.toUpperCase(Locale.ROOT)), optionalText(body, "id"),
                    optionalText(body, "mime_type"), optionalText(body, "sha256"), optionalText(body, "caption"),
                    optionalText(body, "filename"), optionalBoolean(body, "voice"), optionalBoolean(body, "animated"));
            case "location" -> location(body, message);
            case "reaction" -> new InboundContent.Reaction(optionalText(body, "message_id"), optionalText(body, "emoji"));
            default -> unsupported(type, message);
        };
    }

    private InboundContent interactive(JsonNode interactive, JsonNode message) {
        String kind = optionalText(interactive, "type");
        JsonNode reply = kind == null ? null : interactive.get(kind);
        if (reply != null && reply.isObject()) {
            if ("button_reply".equals(kind)) {
                return new InboundContent.ButtonReply(optionalText(reply, "id"), optionalText(reply, "title"));
            }
            if ("list_reply".equals(kind)) {
                return new InboundContent.ListReply(optionalText(reply, "id"), optionalText(reply, "title"),
                        optionalText(reply, "description"));
            }
        }
        return unsupported("interactive" + (kind == null ? "" : "." + kind), message);
    }

    private InboundContent location(JsonNode location, JsonNode message) {
        JsonNode latitude = location.get("latitude");
        JsonNode longitude = location.get("longitude");
        if (latitude == null || longitude == null || !latitude.isNumber() || !longitude.isNumber()) {
            return unsupported("location", message);
        }
        return new InboundContent.Location(latitude.doubleValue(), longitude.doubleValue(),
                optionalText(location, "name"), optionalText(location, "address"), optionalText(location, "url"));
    }

    private InboundContent contacts(JsonNode shared, JsonNode message) {
        if (shared == null || !shared.isArray()) {
            return unsupported("contacts", message);
        }
        List<InboundContent.SharedContact> contacts = new ArrayList<>();
        for (JsonNode contact : shared) {
            if (!contact.isObject()) {
                return unsupported("contacts", message);
            }
            JsonNode name = contact.path("name");
            List<InboundContent.ContactPhone> phones = new ArrayList<>();
            for (JsonNode phone : contact.path("phones")) {
                if (phone.isObject()) {
                    phones.add(new InboundContent.ContactPhone(optionalText(phone, "phone"),
                            optionalText(phone, "wa_id"), optionalText(phone, "type")));
                }
            }
            List<String> emails = new ArrayList<>();
            for (JsonNode email : contact.path("emails")) {
                String address = email.isObject() ? optionalText(email, "email") : null;
                if (address != null) {
                    emails.add(address);
                }
            }
            contacts.add(new InboundContent.SharedContact(optionalText(name, "formatted_name"),
                    optionalText(name, "first_name"), optionalText(name, "last_name"),
                    optionalText(contact.path("org"), "company"), phones, emails));
        }
        return new InboundContent.Contacts(contacts);
    }

    private InboundContent.Unsupported unsupported(String type, JsonNode message) {
        return new InboundContent.Unsupported(type, errors(message.get("errors")), json.writeValueAsString(message));
    }

    private TopicRecord status(Builder out, String wabaId, String phoneNumberId, JsonNode status, String at) {
        requireObject(status, at);
        String wamid = required(status, "id", at + ".id");
        String recipient = required(status, "recipient_id", at + ".recipient_id");
        String statusName = required(status, "status", at + ".status");
        Instant statusAt = epochSeconds(status, "timestamp", at + ".timestamp");
        DeliveryStatus delivery = deliveryStatus(statusName);
        if (delivery == null) {
            // a status Meta added after this code was written: kept as a notice, not forced into the enum
            return notice(out, wabaId, MESSAGES_FIELD, null, status, phoneNumberId);
        }
        String id = id("status", phoneNumberId, wamid, statusName, String.valueOf(statusAt));
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

    private static List<MetaError> errors(JsonNode errors) {
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        List<MetaError> out = new ArrayList<>();
        for (JsonNode error : errors) {
            if (error.isObject()) {
                JsonNode code = error.get("code");
                out.add(new MetaError(code != null && code.isIntegralNumber() && code.canConvertToInt() ? code.intValue() : 0,
                        optionalText(error, "title"), optionalText(error, "message"),
                        optionalText(error.path("error_data"), "details"), optionalText(error, "href")));
            }
        }
        return out;
    }

    private AccountNoticeReceived notice(Builder out, String wabaId, String field, String entryTime, JsonNode value,
                                         String phoneNumberId) {
        String raw = json.writeValueAsString(value);
        String event = firstText(value, "event", "decision", "status");
        String templateId = optionalText(value, "message_template_id");
        String templateName = optionalText(value, "message_template_name");
        AccountNoticeReceived.TemplateRef template = templateId == null && templateName == null ? null
                : new AccountNoticeReceived.TemplateRef(templateId, templateName,
                        optionalText(value, "message_template_language"));
        if (phoneNumberId == null && value.path("metadata").isObject()) {
            phoneNumberId = optionalText(value.path("metadata"), "phone_number_id");
        }
        String id = id("notice", wabaId, field, entryTime, String.valueOf(out.noticeIndex++), raw);
        return new AccountNoticeReceived(id, out.receivedAt, wabaId, field, event, phoneNumberId, template,
                firstText(value, "reason", "rejection_reason"), errors(value.get("errors")), raw);
    }

    /** A name-based UUID: the same content gives the same id, so consumers can tell Meta's retries apart. */
    private static String id(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // --- reading helpers: strict for identity fields, tolerant for everything else ---

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedWebhookException(where + " must be an object");
        }
    }

    private static List<JsonNode> array(JsonNode parent, String name, String where, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedWebhookException(where + " is missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedWebhookException(where + " must be an array");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    /** A string or number field, as text; containers where a scalar belongs make the body malformed. */
    private static String scalar(JsonNode parent, String name, String where) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber()) {
            return node.asString();
        }
        throw new MalformedWebhookException(where + " must be a string");
    }

    private static String required(JsonNode parent, String name, String where) {
        String value = scalar(parent, name, where);
        if (value == null || value.isBlank()) {
            throw new MalformedWebhookException(where + " is missing");
        }
        return value;
    }

    private static Instant epochSeconds(JsonNode parent, String name, String where) {
        String value = scalar(parent, name, where);
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeException e) {
            throw new MalformedWebhookException(where + " must be seconds since the epoch");
        }
    }

    private static Instant optionalEpochSeconds(JsonNode parent, String name) {
        String value = optionalText(parent, name);
        try {
            return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** A scalar as text, or null when absent or not a scalar (tolerant: used for descriptive fields). */
    private static String optionalText(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        return node != null && (node.isString() || node.isNumber() || node.isBoolean()) ? node.asString() : null;
    }

    private static String firstText(JsonNode parent, String... names) {
        for (String name : names) {
            String value = optionalText(parent, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Boolean optionalBoolean(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    private static final class Builder {
        final Instant receivedAt;
        final List<TopicRecord> records = new ArrayList<>();
        final Set<String> phoneNumberIds = new LinkedHashSet<>();
        int entryIndex;
        int noticeIndex;

        Builder(Instant receivedAt) {
            this.receivedAt = receivedAt;
        }

        void add(TopicRecord record) {
            records.add(record);
        }
    }
}
