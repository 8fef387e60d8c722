package io.wabiz.ingress.normalise;

import static io.wabiz.ingress.normalise.JsonFields.errors;
import static io.wabiz.ingress.normalise.JsonFields.optionalBoolean;
import static io.wabiz.ingress.normalise.JsonFields.optionalText;

import io.wabiz.events.whatsapp.InboundContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the content of one of Meta's messages into an {@link InboundContent}, by {@link MessageType} with an
 * exhaustive switch. What cannot be read as its type (a type or an interactive kind the platform does not
 * model, a body missing its content) is an {@link InboundContent.Unsupported} named by Meta's type, with
 * Meta's errors and the raw JSON; {@link #unmodelled} tells it from Meta's own "unsupported" messages.
 */
final class ContentReader {

    private final JsonMapper json;

    ContentReader(JsonMapper json) {
        this.json = json;
    }

    /** The Meta type of content the platform could not read as such, or null (Meta's own "unsupported" is not). */
    static String unmodelled(InboundContent content) {
        return content instanceof InboundContent.Unsupported unsupported
                && !MessageType.UNSUPPORTED.metaName().equals(unsupported.metaType())
                ? String.valueOf(unsupported.metaType()) : null;
    }

    InboundContent read(String type, JsonNode message) {
        Optional<MessageType> known = MessageType.of(type);
        if (known.isEmpty()) {
            return unsupported(type, message);
        }
        return switch (known.get()) {
            case TEXT -> body(type, message, text -> new InboundContent.Text(optionalText(text, "body")));
            case INTERACTIVE -> body(type, message, interactive -> interactive(interactive, message));
            case BUTTON -> body(type, message, button -> new InboundContent.QuickReply(optionalText(button, "payload"),
                    optionalText(button, "text")));
            case IMAGE, AUDIO, VIDEO, STICKER, DOCUMENT -> body(type, message, media -> new InboundContent.Media(
                    InboundContent.MediaKind.valueOf(type.toUpperCase(Locale.ROOT)), optionalText(media, "id"),
                    optionalText(media, "mime_type"), optionalText(media, "sha256"), optionalText(media, "caption"),
                    optionalText(media, "filename"), optionalBoolean(media, "voice"), optionalBoolean(media, "animated")));
            case LOCATION -> body(type, message, location -> location(location, message));
            case CONTACTS -> contacts(message.get("contacts"), message);
            case REACTION -> body(type, message, reaction -> new InboundContent.Reaction(
                    optionalText(reaction, "message_id"), optionalText(reaction, "emoji")));
            case ORDER -> body(type, message, this::order);
            case SYSTEM -> body(type, message, system -> new InboundContent.SystemEvent(optionalText(system, "type"),
                    optionalText(system, "body"), optionalText(system, "wa_id")));
            case EDIT -> body(type, message, edit -> edit(edit, message));
            case REVOKE -> body(type, message, revoke -> new InboundContent.Revoke(
                    optionalText(revoke, "original_message_id")));
            case UNSUPPORTED -> unsupported(type, message);
        };
    }

    /** The message's object named after its type, read by {@code reader}; Unsupported when it is missing. */
    private InboundContent body(String type, JsonNode message, Function<JsonNode, InboundContent> reader) {
        JsonNode body = message.get(type);
        return body == null || !body.isObject() ? unsupported(type, message) : reader.apply(body);
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
            if ("nfm_reply".equals(kind)) {
                return new InboundContent.FlowReply(optionalText(reply, "name"), optionalText(reply, "body"),
                        optionalText(reply, "response_json"));
            }
        }
        return unsupported("interactive" + (kind == null ? "" : "." + kind), message);
    }

    private InboundContent order(JsonNode order) {
        List<InboundContent.OrderItem> items = new ArrayList<>();
        for (JsonNode item : order.path("product_items")) {
            if (item.isObject()) {
                JsonNode quantity = item.get("quantity");
                JsonNode price = item.get("item_price");
                items.add(new InboundContent.OrderItem(optionalText(item, "product_retailer_id"),
                        quantity != null && quantity.canConvertToInt() ? quantity.asInt() : 0,
                        price != null && price.isNumber() ? price.decimalValue() : null, optionalText(item, "currency")));
            }
        }
        String text = optionalText(order, "text");
        return new InboundContent.Order(optionalText(order, "catalog_id"), text == null || text.isBlank() ? null : text,
                items);
    }

    /** An edit carries the edited message whole ({@code message.type} and its content): read as any message. */
    private InboundContent edit(JsonNode edit, JsonNode message) {
        JsonNode edited = edit.get("message");
        if (edited == null || !edited.isObject()) {
            return unsupported("edit", message);
        }
        return new InboundContent.Edit(optionalText(edit, "original_message_id"),
                read(optionalText(edited, "type"), edited));
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
}
