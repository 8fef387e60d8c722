package io.wabiz.simulator.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.wabiz.events.outbound.TemplatePlaceholders;
import io.wabiz.events.whatsapp.WhatsAppUserIds;
import io.wabiz.simulator.JsonText;
import io.wabiz.simulator.SimulatorProperties.Template;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.templates.RenderedTemplate;
import io.wabiz.simulator.templates.TemplateCatalogue;
import tools.jackson.databind.JsonNode;

/**
 * Checks a {@code POST /messages} body as Meta does (its own copy of Meta's limits, on purpose
 * independent of the platform's) and extracts what the chat needs. Plain Java. Over 350 lines because it
 * follows Meta's reference type by type (text, media, interactive, template, location, reaction) with the error
 * code and wording Meta gives for each; one class keeps them comparable with the documentation.
 */
public final class MessageValidator {

    static final int TEXT_BODY_MAX = 4096;
    static final int INTERACTIVE_BODY_MAX = 1024;
    static final int HEADER_TEXT_MAX = 60;
    static final int FOOTER_MAX = 60;
    static final int BUTTONS_MAX = 3;
    static final int BUTTON_TITLE_MAX = 20;
    static final int BUTTON_ID_MAX = 256;
    static final int LIST_BUTTON_MAX = 20;
    static final int SECTIONS_MAX = 10;
    static final int ROWS_MAX = 10;
    static final int ROW_TITLE_MAX = 24;
    static final int ROW_DESCRIPTION_MAX = 72;
    static final int ROW_ID_MAX = 200;
    static final int SECTION_TITLE_MAX = 24;
    static final int CTA_DISPLAY_TEXT_MAX = 20;
    static final int CAPTION_MAX = 1024;

    private final TemplateCatalogue templates;
    private final MediaStore media;

    public MessageValidator(TemplateCatalogue templates, MediaStore media) {
        this.templates = templates;
        this.media = media;
    }

    public ValidatedSend validate(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw MetaRejection.invalidParameter("The request body must be a JSON object");
        }
        if (!"whatsapp".equals(text(message.get("messaging_product")))) {
            throw MetaRejection.invalidParameter("The parameter messaging_product is required and must be 'whatsapp'");
        }
        String to = recipient(message);
        String type = text(message.get("type"));
        if (type == null) {
            type = "text";
        }
        String bizOpaque = text(message.get("biz_opaque_callback_data"));
        if (bizOpaque != null && bizOpaque.length() > 512) {
            throw MetaRejection.parameterValueNotValid("biz_opaque_callback_data is longer than 512 characters");
        }
        String contextWamid = text(message.path("context").get("message_id"));
        JsonNode content = message.get(type);
        if (content == null || !content.isObject()) {
            throw MetaRejection.invalidParameter("The parameter " + type + " is required for a " + type + " message");
        }
        return switch (type) {
            case "text" -> {
                String body = required(content, "body", "text.body");
                max(body, TEXT_BODY_MAX, "text.body");
                yield new ValidatedSend(to, type, true, body, null, null, "service", bizOpaque, contextWamid);
            }
            case "interactive" -> new ValidatedSend(to, type, true, interactive(content), null, null, "service",
                    bizOpaque, contextWamid);
            case "document", "image" -> {
                String caption = text(content.get("caption"));
                max(caption, CAPTION_MAX, type + ".caption");
                yield new ValidatedSend(to, type, true, caption, null, mediaUrl(content, type), "service", bizOpaque,
                        contextWamid);
            }
            case "template" -> {
                RenderedTemplate rendered = template(content);
                yield new ValidatedSend(to, type, false, rendered.body(), rendered, null,
                        rendered.category().toLowerCase(Locale.ROOT), bizOpaque, contextWamid);
            }
            default -> throw MetaRejection.invalidParameter("Unsupported message type: " + type
                    + " (the simulator plays text, interactive, document, image and template messages)");
        };
    }

    /**
     * Who the send is for: {@code to} (a phone number), else {@code recipient} (a business-scoped user id, for a
     * customer known by a username only); {@code to} wins when both are given, as at Meta.
     */
    private static String recipient(JsonNode message) {
        String to = text(message.get("to"));
        if (to != null) {
            if (!to.replaceAll("[\\s+\\-()]", "").matches("\\d{6,15}")) {
                throw MetaRejection.invalidParameter("The parameter to must be a phone number, got: " + to);
            }
            return to.replaceAll("\\D", "");
        }
        String recipient = text(message.get("recipient"));
        if (recipient == null) {
            throw MetaRejection.invalidParameter("The parameter to (a phone number) or recipient (a business-scoped"
                    + " user id) is required");
        }
        if (!WhatsAppUserIds.isBusinessScoped(recipient)) {
            throw MetaRejection.invalidParameter("The parameter recipient must be a business-scoped user id"
                    + " (CC.digits), got: " + recipient);
        }
        return recipient;
    }

    private String interactive(JsonNode interactive) {
        String kind = text(interactive.get("type"));
        String body = text(interactive.path("body").get("text"));
        if (body == null || body.isEmpty()) {
            throw MetaRejection.parameterValueNotValid("interactive.body.text is required");
        }
        max(body, INTERACTIVE_BODY_MAX, "interactive.body.text");
        JsonNode header = interactive.get("header");
        if (header != null && "text".equals(text(header.get("type")))) {
            max(text(header.get("text")), HEADER_TEXT_MAX, "interactive.header.text");
        }
        max(text(interactive.path("footer").get("text")), FOOTER_MAX, "interactive.footer.text");
        JsonNode action = interactive.path("action");
        switch (kind == null ? "" : kind) {
            case "button" -> replyButtons(action);
            case "list" -> list(action);
            case "cta_url" -> ctaUrl(action);
            default -> throw MetaRejection.invalidParameter("Unsupported interactive type: " + kind
                    + " (the simulator plays button, list and cta_url)");
        }
        return body;
    }

    private static void replyButtons(JsonNode action) {
        JsonNode buttons = action.path("buttons");
        if (!buttons.isArray() || buttons.isEmpty()) {
            throw MetaRejection.parameterValueNotValid("interactive.action.buttons is required");
        }
        if (buttons.size() > BUTTONS_MAX) {
            throw MetaRejection.parameterValueNotValid("Buttons count is " + buttons.size()
                    + ". Maximum allowed is " + BUTTONS_MAX + ".");
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode button : buttons) {
            if (!"reply".equals(text(button.get("type")))) {
                throw MetaRejection.parameterValueNotValid("Button type must be 'reply'");
            }
            String id = text(button.path("reply").get("id"));
            String title = text(button.path("reply").get("title"));
            length(id, 1, BUTTON_ID_MAX, "Button ID");
            length(title, 1, BUTTON_TITLE_MAX, "Button title");
            if (!ids.add(id) || !titles.add(title)) {
                throw MetaRejection.parameterValueNotValid("Button titles and ids must be unique, got twice: "
                        + (ids.contains(id) ? title : id));
            }
        }
    }

    private static void list(JsonNode action) {
        length(text(action.get("button")), 1, LIST_BUTTON_MAX, "List button text");
        JsonNode sections = action.path("sections");
        if (!sections.isArray() || sections.isEmpty()) {
            throw MetaRejection.parameterValueNotValid("interactive.action.sections is required");
        }
        if (sections.size() > SECTIONS_MAX) {
            throw MetaRejection.parameterValueNotValid("Sections count is " + sections.size()
                    + ". Maximum allowed is " + SECTIONS_MAX + ".");
        }
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode section : sections) {
            String title = text(section.get("title"));
            if (sections.size() > 1 || title != null) {
                length(title, 1, SECTION_TITLE_MAX, "Section title");
            }
            JsonNode sectionRows = section.path("rows");
            if (!sectionRows.isArray() || sectionRows.isEmpty()) {
                throw MetaRejection.parameterValueNotValid("Each section needs at least one row");
            }
            for (JsonNode row : sectionRows) {
                rows++;
                String id = text(row.get("id"));
                length(id, 1, ROW_ID_MAX, "Row ID");
                length(text(row.get("title")), 1, ROW_TITLE_MAX, "Row title");
                max(text(row.get("description")), ROW_DESCRIPTION_MAX, "Row description");
                if (!ids.add(id)) {
                    throw MetaRejection.parameterValueNotValid("Row IDs must be unique, got twice: " + id);
                }
            }
        }
        if (rows > ROWS_MAX) {
            throw MetaRejection.parameterValueNotValid("Total row count exceed max allowed count: " + ROWS_MAX
                    + " (got " + rows + ")");
        }
    }

    private static void ctaUrl(JsonNode action) {
        if (!"cta_url".equals(text(action.get("name")))) {
            throw MetaRejection.parameterValueNotValid("interactive.action.name must be 'cta_url'");
        }
        length(text(action.path("parameters").get("display_text")), 1, CTA_DISPLAY_TEXT_MAX, "CTA display_text");
        String url = text(action.path("parameters").get("url"));
        if (url == null || !url.matches("(?i)https?://\\S+")) {
            throw MetaRejection.parameterValueNotValid("CTA url must be an http(s) URL, got: " + url);
        }
    }

    private String mediaUrl(JsonNode content, String type) {
        String link = text(content.get("link"));
        String id = text(content.get("id"));
        if (link == null && id == null) {
            throw MetaRejection.parameterValueNotValid(type + " needs a link or an id");
        }
        if (link != null) {
            if (!link.matches("(?i)https?://\\S+")) {
                throw MetaRejection.parameterValueNotValid(type + ".link must be an http(s) URL, got: " + link);
            }
            return link;
        }
        if (media.get(id).isEmpty()) {
            throw MetaRejection.parameterValueNotValid("Media id " + id + " does not exist (upload it first)");
        }
        return "/simulator/media/" + id;
    }

    private RenderedTemplate template(JsonNode content) {
        String name = text(content.get("name"));
        String language = text(content.path("language").get("code"));
        if (name == null || language == null) {
            throw MetaRejection.invalidParameter("template.name and template.language.code are required");
        }
        Template template = templates.find(name, language)
                .filter(t -> "APPROVED".equals(t.status()))
                .orElseThrow(() -> MetaRejection.templateDoesNotExist(
                        "template name (" + name + ") does not exist in " + language
                                + templates.find(name, language).map(t -> " (status " + t.status() + ")").orElse("")));
        List<String> headerParameters = List.of();
        String headerMediaLink = null;
        String headerMediaFilename = null;
        List<String> bodyParameters = List.of();
        Map<Integer, String> payloads = new HashMap<>();
        Map<Integer, String> urlSuffixes = new HashMap<>();
        for (JsonNode component : content.path("components")) {
            String componentType = lower(text(component.get("type")));
            JsonNode parameters = component.path("parameters");
            switch (componentType == null ? "" : componentType) {
                case "header" -> {
                    headerParameters = parameterValues(parameters);
                    if (!parameters.isEmpty() && !"TEXT".equals(template.headerFormat())) {
                        JsonNode mediaParameter = parameters.get(0);
                        String mediaType = lower(template.headerFormat());
                        if (!mediaType.equals(text(mediaParameter.get("type")))) {
                            throw MetaRejection.templateParameterCountMismatch("header: expected a " + mediaType
                                    + " parameter, got " + text(mediaParameter.get("type")));
                        }
                        headerMediaLink = mediaUrl(mediaParameter.path(mediaType), "header " + mediaType);
                        headerMediaFilename = text(mediaParameter.path(mediaType).get("filename"));
                    }
                }
                case "body" -> bodyParameters = parameterValues(parameters);
                case "button" -> button(template, component, payloads, urlSuffixes);
                default -> throw MetaRejection.invalidParameter("Unknown template component type: " + componentType);
            }
        }
        expectCount("header", headerParameters.size(), TemplateCatalogue.headerParameterCount(template));
        expectCount("body", bodyParameters.size(), TemplatePlaceholders.count(template.body()));
        return TemplateCatalogue.render(template, headerParameters, headerMediaLink, headerMediaFilename,
                bodyParameters, payloads, urlSuffixes);
    }

    private static void button(Template template, JsonNode component, Map<Integer, String> payloads,
                               Map<Integer, String> urlSuffixes) {
        String subType = lower(text(component.get("sub_type")));
        String indexText = text(component.get("index"));
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException | NullPointerException e) {
            throw MetaRejection.invalidParameter("template button component needs a numeric index, got: " + indexText);
        }
        if (index < 0 || index >= template.buttons().size()) {
            throw MetaRejection.templateParameterCountMismatch("button at index " + index + " does not exist ("
                    + template.name() + " has " + template.buttons().size() + " buttons)");
        }
        String buttonType = template.buttons().get(index).type();
        JsonNode parameter = component.path("parameters").path(0);
        if ("quick_reply".equals(subType) && "QUICK_REPLY".equals(buttonType)) {
            String payload = text(parameter.get("payload"));
            if (payload != null) {
                payloads.put(index, payload);
            }
        } else if ("url".equals(subType) && "URL".equals(buttonType)) {
            String suffix = text(parameter.get("text"));
            if (suffix != null) {
                urlSuffixes.put(index, suffix);
            }
        } else {
            throw MetaRejection.templateParameterCountMismatch("button at index " + index + " is " + buttonType
                    + ", the send gives sub_type " + subType);
        }
    }

    private static void expectCount(String component, int given, int expected) {
        if (given != expected) {
            throw MetaRejection.templateParameterCountMismatch(component + ": number of localizable_params ("
                    + given + ") does not match the expected number of params (" + expected + ")");
        }
    }

    /** The text a parameter shows: text, or the fallback value of currency and date_time, or the media. */
    private static List<String> parameterValues(JsonNode parameters) {
        List<String> values = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String type = text(parameter.get("type"));
            String value = switch (type == null ? "" : type) {
                case "text" -> text(parameter.get("text"));
                case "currency" -> text(parameter.path("currency").get("fallback_value"));
                case "date_time" -> text(parameter.path("date_time").get("fallback_value"));
                case "document", "image", "video" -> firstNonNull(text(parameter.path(type).get("filename")), type);
                default -> throw MetaRejection.invalidParameter("Unsupported template parameter type: " + type);
            };
            if (value == null || value.isEmpty()) {
                throw MetaRejection.parameterValueNotValid("Template parameter of type " + type + " has no value");
            }
            values.add(value);
        }
        return values;
    }

    private static String required(JsonNode node, String field, String name) {
        String value = text(node.get(field));
        if (value == null || value.isEmpty()) {
            throw MetaRejection.parameterValueNotValid(name + " is required");
        }
        return value;
    }

    private static void max(String value, int max, String name) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw MetaRejection.parameterValueNotValid(name + " is too long. Max length: " + max);
        }
    }

    private static void length(String value, int min, int max, String name) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw MetaRejection.parameterValueNotValid(name + " length invalid. Min length: " + min
                    + ", Max length: " + max);
        }
    }

    static String text(JsonNode node) {
        return JsonText.of(node);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
