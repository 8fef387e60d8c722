package io.wabiz.console.templates;

import io.wabiz.console.api.ConversationsApi.Template;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.events.outbound.TemplatePlaceholders;
import io.wabiz.events.outbound.TemplateSynced;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of a template's parameters, and the template message built from what was typed: one field per
 * {@code {{n}}} of the header and body, a link for a document or image header. The first body parameter is the
 * customer's name in every template of the platform, so it is filled in when known.
 */
public final class TemplateForms {

    /** TemplatePlaceholders' pattern; here to put the typed values in place for the preview. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

    private TemplateForms() {
    }

    /** @param name the form field: {@code header.1}, {@code body.2}, {@code header.link} */
    public record Field(String name, String component, String label, String value, boolean required) {

        /** The message bundle's label for the field. */
        public String labelKey() {
            return switch (label) {
                case "link" -> "template.headerLink";
                case "filename" -> "template.headerFilename";
                default -> "header".equals(component) ? "template.headerParam" : "template.bodyParam";
            };
        }
    }

    /** A template as the composer offers it: its text with placeholders, and the fields to fill in. */
    public record TemplateForm(String key, String name, String language, String category, String headerText,
                               String headerFormat, String bodyText, List<Field> fields) {
    }

    public static Optional<Template> find(List<Template> templates, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public static TemplateForm form(Template template, String customerName, Map<String, String> typed) {
        List<Field> fields = new ArrayList<>();
        TemplateSynced.Component header = component(template, "HEADER");
        TemplateSynced.Component body = component(template, "BODY");
        String headerFormat = header == null || header.format() == null ? null : header.format().toUpperCase(Locale.ROOT);
        if (header != null && ("DOCUMENT".equals(headerFormat) || "IMAGE".equals(headerFormat) || "VIDEO".equals(headerFormat))) {
            fields.add(new Field("header.link", "header", "link", typed.getOrDefault("header.link", ""), true));
            if ("DOCUMENT".equals(headerFormat)) {
                fields.add(new Field("header.filename", "header", "filename", typed.getOrDefault("header.filename", ""), false));
            }
        }
        for (String placeholder : placeholders(header == null ? null : header.text())) {
            fields.add(new Field("header." + placeholder, "header", "{{" + placeholder + "}}",
                    typed.getOrDefault("header." + placeholder, ""), true));
        }
        boolean first = true;
        for (String placeholder : placeholders(body == null ? null : body.text())) {
            String value = typed.get("body." + placeholder);
            if (value == null) {
                value = first && customerName != null ? customerName : "";
            }
            fields.add(new Field("body." + placeholder, "body", "{{" + placeholder + "}}", value, true));
            first = false;
        }
        return new TemplateForm(template.key(), template.name(), template.language(), template.category(),
                header == null ? null : header.text(), headerFormat, body == null ? null : body.text(), fields);
    }

    /**
     * The template message with the typed parameters, in placeholder order.
     *
     * @throws IllegalArgumentException when a required parameter is empty
     */
    public static OutboundContent.Template build(Template template, Map<String, String> typed) {
        TemplateForm form = form(template, null, typed);
        List<TemplateParameter> headerParameters = new ArrayList<>();
        List<TemplateParameter> bodyParameters = new ArrayList<>();
        for (Field field : form.fields()) {
            String value = typed.getOrDefault(field.name(), "").strip();
            if (field.required() && value.isEmpty()) {
                throw new IllegalArgumentException(field.component() + " " + field.label() + " is empty");
            }
            switch (field.name()) {
                case "header.link" -> headerParameters.add(headerMedia(form.headerFormat(), value,
                        typed.getOrDefault("header.filename", "").strip()));
                case "header.filename" -> {
                    // part of the document parameter above
                }
                default -> (field.component().equals("header") ? headerParameters : bodyParameters)
                        .add(TemplateParameter.text(value));
            }
        }
        List<TemplateComponent> components = new ArrayList<>();
        if (!headerParameters.isEmpty()) {
            components.add(new TemplateComponent("header", null, null, headerParameters));
        }
        if (!bodyParameters.isEmpty()) {
            components.add(new TemplateComponent("body", null, null, bodyParameters));
        }
        return new OutboundContent.Template(template.name(), template.language(), components);
    }

    /** The body as the customer will read it. */
    public static String preview(Template template, Map<String, String> typed) {
        TemplateSynced.Component body = component(template, "BODY");
        if (body == null || body.text() == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(body.text());
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = typed.getOrDefault("body." + matcher.group(1), "");
            matcher.appendReplacement(text, Matcher.quoteReplacement(value.isBlank() ? matcher.group() : value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** How many parameters the header and body expect, as Meta counts them, for the templates list. */
    public static int parameterCount(Template template) {
        TemplateSynced.Component header = component(template, "HEADER");
        TemplateSynced.Component body = component(template, "BODY");
        return TemplatePlaceholders.count(header == null ? null : header.text())
                + TemplatePlaceholders.count(body == null ? null : body.text());
    }

    public static String bodyText(Template template) {
        TemplateSynced.Component body = component(template, "BODY");
        return body == null ? null : body.text();
    }

    private static TemplateParameter headerMedia(String format, String link, String filename) {
        return switch (format) {
            case "DOCUMENT" -> TemplateParameter.document(link, filename.isEmpty() ? null : filename);
            default -> new TemplateParameter(format.toLowerCase(Locale.ROOT), null, null, link, null, null, null, null,
                    null);
        };
    }

    private static TemplateSynced.Component component(Template template, String type) {
        if (template.components() == null) {
            return null;
        }
        return template.components().stream().filter(c -> type.equalsIgnoreCase(c.type())).findFirst().orElse(null);
    }

    private static List<String> placeholders(String text) {
        return List.copyOf(TemplatePlaceholders.names(text));
    }
}
