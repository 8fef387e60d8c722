package io.wabiz.sender.graph;

import io.wabiz.events.EventJson;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.CtaUrl;
import io.wabiz.events.outbound.OutboundContent.Document;
import io.wabiz.events.outbound.OutboundContent.Image;
import io.wabiz.events.outbound.OutboundContent.ListMessage;
import io.wabiz.events.outbound.OutboundContent.ReplyButtons;
import io.wabiz.events.outbound.OutboundContent.Template;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.events.outbound.OutboundContent.Text;
import io.wabiz.events.whatsapp.WhatsAppUserIds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of {@code POST /{phone-number-id}/messages}, as Meta documents them. */
public final class MessageBodies {

    private MessageBodies() {
    }

    /**
     * @param to           the customer's wa_id, or their business-scoped user id: that goes in Meta's
     *                     {@code recipient} field instead of {@code to} (a customer known by a username only)
     * @param callbackData Meta echoes it in status webhooks: the command's idempotency key
     * @param replyTo      the customer message this one quotes, or null
     */
    public static ObjectNode message(String to, OutboundContent content, String callbackData, String replyTo) {
        ObjectNode body = object();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put(WhatsAppUserIds.isBusinessScoped(to) ? "recipient" : "to", to);
        if (replyTo != null && !replyTo.isBlank()) {
            body.putObject("context").put("message_id", replyTo);
        }
        switch (content) {
            case Text text -> {
                body.put("type", "text");
                body.putObject("text").put("preview_url", text.previewUrl()).put("body", text.body());
            }
            case ReplyButtons buttons -> {
                body.put("type", "interactive");
                ObjectNode interactive = interactive(body, "button", buttons.headerText(), buttons.body(),
                        buttons.footer());
                ArrayNode list = interactive.putObject("action").putArray("buttons");
                buttons.buttons().forEach(b -> list.addObject().put("type", "reply")
                        .putObject("reply").put("id", b.id()).put("title", b.title()));
            }
            case ListMessage listMessage -> {
                body.put("type", "interactive");
                ObjectNode interactive = interactive(body, "list", listMessage.headerText(), listMessage.body(),
                        listMessage.footer());
                ObjectNode action = interactive.putObject("action");
                action.put("button", listMessage.buttonText());
                ArrayNode sections = action.putArray("sections");
                listMessage.sections().forEach(s -> {
                    ObjectNode section = sections.addObject();
                    putIfPresent(section, "title", s.title());
                    ArrayNode rows = section.putArray("rows");
                    s.rows().forEach(r -> {
                        ObjectNode row = rows.addObject().put("id", r.id()).put("title", r.title());
                        putIfPresent(row, "description", r.description());
                    });
                });
            }
            case CtaUrl cta -> {
                body.put("type", "interactive");
                ObjectNode interactive = interactive(body, "cta_url", cta.headerText(), cta.body(), cta.footer());
                ObjectNode action = interactive.putObject("action");
                action.put("name", "cta_url");
                action.putObject("parameters").put("display_text", cta.displayText()).put("url", cta.url());
            }
            case Document document -> {
                body.put("type", "document");
                ObjectNode media = media(body.putObject("document"), document.link(), document.mediaId());
                putIfPresent(media, "caption", document.caption());
                putIfPresent(media, "filename", document.filename());
            }
            case Image image -> {
                body.put("type", "image");
                putIfPresent(media(body.putObject("image"), image.link(), image.mediaId()), "caption",
                        image.caption());
            }
            case Template template -> {
                body.put("type", "template");
                body.set("template", template(template));
            }
        }
        if (callbackData != null) {
            body.put("biz_opaque_callback_data", callbackData);
        }
        return body;
    }

    /** Marks a customer's message as read (blue ticks), with the typing indicator when asked. */
    public static ObjectNode markRead(String wamid, boolean typingIndicator) {
        ObjectNode body = object();
        body.put("messaging_product", "whatsapp");
        body.put("status", "read");
        body.put("message_id", wamid);
        if (typingIndicator) {
            body.putObject("typing_indicator").put("type", "text");
        }
        return body;
    }

    private static ObjectNode template(Template template) {
        ObjectNode node = object();
        node.put("name", template.name());
        node.putObject("language").put("code", template.language());
        if (!template.components().isEmpty()) {
            ArrayNode components = node.putArray("components");
            for (TemplateComponent component : template.components()) {
                ObjectNode c = components.addObject();
                c.put("type", component.type().toLowerCase());
                putIfPresent(c, "sub_type", component.subType());
                if (component.index() != null) {
                    c.put("index", String.valueOf(component.index()));
                }
                ArrayNode parameters = c.putArray("parameters");
                component.parameters().forEach(p -> parameters.add(parameter(p)));
            }
        }
        return node;
    }

    private static ObjectNode parameter(TemplateParameter p) {
        ObjectNode node = object();
        node.put("type", p.type());
        switch (p.type()) {
            case "text" -> node.put("text", p.text());
            case "payload" -> node.put("payload", p.payload());
            case "currency" -> node.putObject("currency").put("fallback_value", p.fallbackValue())
                    .put("code", p.currencyCode()).put("amount_1000", p.amount1000());
            case "date_time" -> node.putObject("date_time").put("fallback_value", p.fallbackValue());
            case "document", "image", "video" -> {
                ObjectNode media = media(node.putObject(p.type()), p.link(), p.mediaId());
                putIfPresent(media, "filename", p.filename());
            }
            default -> {
                putIfPresent(node, "text", p.text());
                putIfPresent(node, "payload", p.payload());
            }
        }
        return node;
    }

    private static ObjectNode interactive(ObjectNode body, String type, String header, String text, String footer) {
        ObjectNode interactive = body.putObject("interactive");
        interactive.put("type", type);
        if (header != null && !header.isBlank()) {
            interactive.putObject("header").put("type", "text").put("text", header);
        }
        interactive.putObject("body").put("text", text);
        if (footer != null && !footer.isBlank()) {
            interactive.putObject("footer").put("text", footer);
        }
        return interactive;
    }

    private static ObjectNode media(ObjectNode node, String link, String mediaId) {
        if (mediaId != null && !mediaId.isBlank()) {
            node.put("id", mediaId);
        } else {
            node.put("link", link);
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static ObjectNode object() {
        return EventJson.mapper().createObjectNode();
    }
}
