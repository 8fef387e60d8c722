package io.wabiz.console.conversation;

import io.wabiz.console.api.ConversationsApi.Message;
import io.wabiz.console.api.ConversationsApi.MessageError;
import io.wabiz.console.api.ConversationsApi.SentBy;
import io.wabiz.console.web.Formats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A thread's messages as the page draws them: what each says for its type (text, buttons, list, document with
 * its link, image, location, template with its parameters, a customer's tap), its status tick, the error's
 * help, the message it quotes and the ERP document an automated message was about.
 */
public final class Bubbles {

    private Bubbles() {
    }

    /** A button, list row or parameter shown under a message. */
    public record Item(String title, String detail) {
    }

    /**
     * @param kind       how to draw it: text, buttons, list, cta, document, image, media, location, template, tap,
     *                   reaction, other
     * @param link       the document, image, map or call-to-action link, when there is one
     * @param quote      the quoted message's text (or its id when it is not in the page)
     * @param documentId the ERP document's number ("invoice INV/2026/00017"), else its id, for automated messages
     */
    public record Bubble(String id, String wamid, boolean inbound, String type, String kind, String text,
                         String caption, String link, String linkLabel, List<Item> items, String status,
                         String statusAt, List<String> timeline, MessageError error, String quote, String origin,
                         String actor, String documentType, String documentId, String notificationKind,
                         String pricingCategory, String sendForm, String when, String whenExact, String whenIso,
                         String conversationId, String customer) {

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    public static List<Bubble> of(List<Message> messages, Formats formats) {
        Map<String, String> textByWamid = new HashMap<>();
        for (Message message : messages) {
            if (message.wamid() != null) {
                textByWamid.put(message.wamid(), message.text());
            }
        }
        List<Bubble> bubbles = new ArrayList<>(messages.size());
        for (Message message : messages) {
            bubbles.add(bubble(message, textByWamid, formats));
        }
        return bubbles;
    }

    static Bubble bubble(Message m, Map<String, String> textByWamid, Formats formats) {
        Map<String, Object> content = m.content() == null ? Map.of() : m.content();
        String type = m.type() == null ? "unknown" : m.type();
        String kind;
        String text = m.text();
        String caption = null;
        String link = null;
        String linkLabel = null;
        List<Item> items = new ArrayList<>();
        switch (type) {
            case "text" -> kind = "text";
            case "reply_buttons" -> {
                kind = "buttons";
                text = string(content, "body");
                for (Map<String, Object> button : maps(content.get("buttons"))) {
                    items.add(new Item(string(button, "title"), string(button, "id")));
                }
            }
            case "list" -> {
                kind = "list";
                text = string(content, "body");
                caption = string(content, "buttonText");
                for (Map<String, Object> section : maps(content.get("sections"))) {
                    for (Map<String, Object> row : maps(section.get("rows"))) {
                        items.add(new Item(string(row, "title"), string(row, "description")));
                    }
                }
            }
            case "cta_url" -> {
                kind = "cta";
                text = string(content, "body");
                link = string(content, "url");
                linkLabel = string(content, "displayText");
            }
            case "document" -> {
                kind = "document";
                caption = string(content, "caption");
                linkLabel = m.media() != null && m.media().filename() != null ? m.media().filename()
                        : string(content, "filename");
                link = m.media() != null ? m.media().link() : string(content, "link");
                text = caption;
            }
            case "image" -> {
                kind = "image";
                caption = string(content, "caption");
                link = m.media() != null ? m.media().link() : string(content, "link");
                text = caption;
            }
            case "audio", "video", "sticker", "media" -> {
                kind = "media";
                caption = string(content, "caption");
                linkLabel = m.media() == null ? null : m.media().mimeType();
            }
            case "location" -> {
                kind = "location";
                Object latitude = content.get("latitude");
                Object longitude = content.get("longitude");
                text = join(string(content, "name"), string(content, "address"));
                if (latitude != null && longitude != null) {
                    link = "https://www.openstreetmap.org/?mlat=" + latitude + "&mlon=" + longitude + "#map=16/"
                            + latitude + "/" + longitude;
                    linkLabel = latitude + ", " + longitude;
                }
            }
            case "template" -> {
                kind = "template";
                text = string(content, "name") + " (" + string(content, "language") + ")";
                for (Map<String, Object> component : maps(content.get("components"))) {
                    int index = 1;
                    for (Map<String, Object> parameter : maps(component.get("parameters"))) {
                        String value = firstNonNull(string(parameter, "text"), string(parameter, "link"),
                                string(parameter, "payload"), string(parameter, "filename"));
                        items.add(new Item(string(component, "type").toLowerCase(Locale.ROOT) + " {{" + index++ + "}}",
                                value));
                    }
                }
            }
            case "button_reply", "list_reply", "quick_reply" -> {
                kind = "tap";
                items.add(new Item(m.text(), firstNonNull(string(content, "buttonId"), string(content, "rowId"),
                        string(content, "payload"))));
            }
            case "reaction" -> kind = "reaction";
            default -> kind = "other";
        }
        String quoted = m.quotedWamid();
        String quote = quoted == null ? null : textByWamid.getOrDefault(quoted, quoted);
        SentBy sentBy = m.sentBy();
        List<String> timeline = m.timeline() == null ? List.of() : m.timeline().stream()
                .map(entry -> entry.status() + " " + formats.exact(entry.at())).toList();
        String statusAt = m.timeline() == null ? null : m.timeline().stream()
                .filter(entry -> entry.status().equals(m.status())).map(entry -> formats.exact(entry.at()))
                .findFirst().orElse(null);
        return new Bubble(m.id(), m.wamid(), m.inbound(), type, kind, text, caption, link, linkLabel, List.copyOf(items),
                m.status(), statusAt, timeline, m.error(), quote, sentBy == null ? null : sentBy.origin(),
                sentBy == null ? null : sentBy.actor(), sentBy == null ? null : sentBy.documentType(),
                sentBy == null ? null : sentBy.document(), sentBy == null ? null : sentBy.notificationKind(),
                m.pricingCategory(), m.sendForm(), formats.when(m.at()), formats.exact(m.at()), formats.iso(m.at()),
                m.conversationId(), m.customerProfileName() != null ? m.customerProfileName() : "+" + m.customerWaId());
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " — " + second;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
