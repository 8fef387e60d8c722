package io.wabiz.events.whatsapp;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.wabiz.events.Immutables;
import java.math.BigDecimal;
import java.util.List;

/** The content of a customer's message, normalised from every type Meta sends. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InboundContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = InboundContent.ButtonReply.class, name = "button_reply"),
        @JsonSubTypes.Type(value = InboundContent.ListReply.class, name = "list_reply"),
        @JsonSubTypes.Type(value = InboundContent.QuickReply.class, name = "quick_reply"),
        @JsonSubTypes.Type(value = InboundContent.Media.class, name = "media"),
        @JsonSubTypes.Type(value = InboundContent.Location.class, name = "location"),
        @JsonSubTypes.Type(value = InboundContent.Contacts.class, name = "contacts"),
        @JsonSubTypes.Type(value = InboundContent.Reaction.class, name = "reaction"),
        @JsonSubTypes.Type(value = InboundContent.Order.class, name = "order"),
        @JsonSubTypes.Type(value = InboundContent.FlowReply.class, name = "flow_reply"),
        @JsonSubTypes.Type(value = InboundContent.SystemEvent.class, name = "system"),
        @JsonSubTypes.Type(value = InboundContent.Edit.class, name = "edit"),
        @JsonSubTypes.Type(value = InboundContent.Revoke.class, name = "revoke"),
        @JsonSubTypes.Type(value = InboundContent.Unsupported.class, name = "unsupported")
})
public sealed interface InboundContent {

    /** A typed text message. */
    record Text(String body) implements InboundContent {
    }

    /** A tap on an interactive reply button ({@code interactive.button_reply}). */
    record ButtonReply(String buttonId, String title) implements InboundContent {
    }

    /** A row picked in an interactive list ({@code interactive.list_reply}). */
    record ListReply(String rowId, String title, String description) implements InboundContent {
    }

    /** A tap on a template's quick-reply button ({@code button}): the payload we set on the template. */
    record QuickReply(String payload, String text) implements InboundContent {
    }

    /** Image, audio, video, sticker or document: a media id to download with the sender's token. */
    record Media(MediaKind mediaKind, String mediaId, String mimeType, String sha256, String caption,
                 String filename, Boolean voice, Boolean animated) implements InboundContent {
    }

    enum MediaKind { IMAGE, AUDIO, VIDEO, STICKER, DOCUMENT }

    record Location(double latitude, double longitude, String name, String address, String url)
            implements InboundContent {
    }

    record Contacts(List<SharedContact> contacts) implements InboundContent {
        public Contacts {
            contacts = Immutables.list(contacts);
        }
    }

    record SharedContact(String formattedName, String firstName, String lastName, String organization,
                         List<ContactPhone> phones, List<String> emails) {
        public SharedContact {
            phones = Immutables.list(phones);
            emails = Immutables.list(emails);
        }
    }

    record ContactPhone(String phone, String waId, String type) {
    }

    /** A reaction to one of our messages; an empty emoji means the reaction was removed. */
    record Reaction(String reactedWamid, String emoji) implements InboundContent {
    }

    /**
     * A cart sent from the catalogue ({@code order}): for a B2B seller, an order to take.
     *
     * @param text the customer's note with the cart, if any
     */
    record Order(String catalogId, String text, List<OrderItem> items) implements InboundContent {
        public Order {
            items = Immutables.list(items);
        }
    }

    /** One line of a cart: a catalogue product, how many, at which unit price. */
    record OrderItem(String productRetailerId, int quantity, BigDecimal itemPrice, String currency) {
    }

    /**
     * A Flow's answer ({@code interactive.nfm_reply}).
     *
     * @param body         what the customer's chat shows ("Sent")
     * @param responseJson the answer's fields as the Flow sent them (JSON text, with its {@code flow_token})
     */
    record FlowReply(String name, String body, String responseJson) implements InboundContent {
    }

    /**
     * Meta's note about the customer ({@code system}): {@code user_changed_number} (their new number in
     * {@code newWaId}: the same customer from now on), {@code customer_identity_changed}, ...
     */
    record SystemEvent(String event, String body, String newWaId) implements InboundContent {
    }

    /** The sender edited one of their earlier messages ({@code edit}): its new content. */
    record Edit(String originalWamid, InboundContent content) implements InboundContent {
    }

    /** The sender deleted one of their earlier messages for everyone ({@code revoke}). */
    record Revoke(String originalWamid) implements InboundContent {
    }

    /** A type we do not model (or Meta's "unsupported"): kept with Meta's errors and the raw JSON. */
    record Unsupported(String metaType, List<MetaError> errors, String rawJson) implements InboundContent {
        public Unsupported {
            errors = Immutables.list(errors);
        }
    }
}
