package io.wabiz.conversations.history.documents;

import io.wabiz.events.EventJson;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.whatsapp.InboundContent;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The searchable summary of a message's content: its type, a text to show in lists, its media
 * reference, and the full content as a JSON tree to store and show as it was.
 *
 * @param type the content kind ({@code text}, {@code image}, {@code button_reply}, {@code template}, ...)
 * @param text what a list shows: the body, caption, tapped button title or template name
 */
public record MessageContent(String type, String text, MediaRef media, Map<String, Object> content) {

    /** A media file of a message: by Meta media id (inbound, uploaded) or by link. */
    public record MediaRef(String kind, String mediaId, String link, String mimeType, String filename, String sha256) {
    }

    public static MessageContent of(InboundContent content) {
        if (content == null) {
            return new MessageContent("unknown", null, null, null);
        }
        Map<String, Object> tree = tree(content);
        return switch (content) {
            case InboundContent.Text t -> new MessageContent("text", t.body(), null, tree);
            case InboundContent.ButtonReply b -> new MessageContent("button_reply", b.title(), null, tree);
            case InboundContent.ListReply l -> new MessageContent("list_reply", l.title(), null, tree);
            case InboundContent.QuickReply q -> new MessageContent("quick_reply", q.text(), null, tree);
            case InboundContent.Media m -> {
                String kind = m.mediaKind() == null ? "media" : m.mediaKind().name().toLowerCase(Locale.ROOT);
                yield new MessageContent(kind, m.caption() != null ? m.caption() : m.filename(),
                        new MediaRef(kind, m.mediaId(), null, m.mimeType(), m.filename(), m.sha256()), tree);
            }
            case InboundContent.Location l -> new MessageContent("location", l.name() != null ? l.name() : l.address(),
                    null, tree);
            case InboundContent.Contacts c -> new MessageContent("contacts", c.contacts().isEmpty() ? null
                    : c.contacts().getFirst().formattedName(), null, tree);
            case InboundContent.Reaction r -> new MessageContent("reaction", r.emoji(), null, tree);
            case InboundContent.Order o -> new MessageContent("order", o.text() != null ? o.text() : orderSummary(o),
                    null, tree);
            case InboundContent.FlowReply f -> new MessageContent("flow_reply", f.body(), null, tree);
            case InboundContent.SystemEvent e -> new MessageContent("system", e.body(), null, tree);
            case InboundContent.Edit e -> new MessageContent("edit", of(e.content()).text(), null, tree);
            case InboundContent.Revoke r -> new MessageContent("revoke", null, null, tree);
            case InboundContent.Unsupported u -> new MessageContent("unsupported", u.metaType(), null, tree);
        };
    }

    public static MessageContent of(OutboundContent content) {
        if (content == null) {
            return new MessageContent("unknown", null, null, null);
        }
        Map<String, Object> tree = tree(content);
        return switch (content) {
            case OutboundContent.Text t -> new MessageContent("text", t.body(), null, tree);
            case OutboundContent.ReplyButtons b -> new MessageContent("reply_buttons", b.body(), null, tree);
            case OutboundContent.ListMessage l -> new MessageContent("list", l.body(), null, tree);
            case OutboundContent.CtaUrl c -> new MessageContent("cta_url", c.body(), null, tree);
            case OutboundContent.Document d -> new MessageContent("document",
                    d.caption() != null ? d.caption() : d.filename(),
                    new MediaRef("document", d.mediaId(), d.link(), null, d.filename(), null), tree);
            case OutboundContent.Image i -> new MessageContent("image", i.caption(),
                    new MediaRef("image", i.mediaId(), i.link(), null, null, null), tree);
            case OutboundContent.Template t -> new MessageContent("template", t.name() + " (" + t.language() + ")",
                    null, tree);
        };
    }

    /** What a list shows of a cart: {@code 3 items: HAMBURGER x3, FRENCH_FRIES x2, SODA x2}. */
    private static String orderSummary(InboundContent.Order order) {
        return order.items().size() + (order.items().size() == 1 ? " item: " : " items: ") + order.items().stream()
                .map(item -> item.productRetailerId() + " x" + item.quantity()).collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(Object content) {
        return EventJson.mapper().convertValue(content, Map.class);
    }
}
