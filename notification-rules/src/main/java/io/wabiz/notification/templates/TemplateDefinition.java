package io.wabiz.notification.templates;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wabiz.events.Immutables;
import io.wabiz.events.outbound.TemplatePlaceholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A WhatsApp message template as the platform ships it: exactly the body of Meta's
 * {@code POST /<WABA_ID>/message_templates}, so an operator submits the file as it is, and the meta-simulator
 * loads the same file. Positional parameters {@code {{1}}}, {@code {{2}}}, ... with examples.
 *
 * @param category {@code UTILITY}, {@code MARKETING} or {@code AUTHENTICATION}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateDefinition(String name, String language, String category, List<Component> components) {

    /** Meta's limits for template definitions (see shared/reference/payments-and-templates.md, C.1). */
    public static final int BODY_MAX = 1024;
    public static final int HEADER_TEXT_MAX = 60;
    public static final int FOOTER_MAX = 60;
    public static final int BUTTON_TEXT_MAX = 25;
    public static final int MAX_BUTTONS = 10;
    public static final int MAX_QUICK_REPLIES = 10;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Set<String> CATEGORIES = Set.of("UTILITY", "MARKETING", "AUTHENTICATION");

    public TemplateDefinition {
        components = Immutables.list(components);
    }

    /**
     * One component: {@code HEADER} (with {@code format} TEXT, DOCUMENT, IMAGE, VIDEO, LOCATION), {@code BODY},
     * {@code FOOTER} or {@code BUTTONS}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String type, String format, String text, Map<String, Object> example,
                            List<Button> buttons) {
        public Component {
            buttons = buttons == null ? null : List.copyOf(buttons);
        }
    }

    /** @param type {@code QUICK_REPLY}, {@code URL} or {@code PHONE_NUMBER} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String type, String text, String url, @JsonProperty("phone_number") String phoneNumber,
                         List<String> example) {
    }

    /** {@code name:language}, as the sender and the templates topic key templates. */
    @JsonIgnore
    public String key() {
        return name + ":" + language;
    }

    public Optional<Component> component(String type) {
        return components.stream().filter(c -> type.equalsIgnoreCase(c.type())).findFirst();
    }

    @JsonIgnore
    public String bodyText() {
        return component("BODY").map(Component::text).orElse(null);
    }

    /** Body parameters a send must give. */
    @JsonIgnore
    public int bodyParameterCount() {
        return placeholders(bodyText()).size();
    }

    /** Header parameters a send must give: the text's variables, or one media for a DOCUMENT/IMAGE/VIDEO header. */
    @JsonIgnore
    public int headerParameterCount() {
        return component("HEADER").map(h -> h.format() == null || "TEXT".equalsIgnoreCase(h.format())
                ? placeholders(h.text()).size() : "LOCATION".equalsIgnoreCase(h.format()) ? 0 : 1).orElse(0);
    }

    /** The buttons in their order (a send's button {@code index} counts them all). */
    @JsonIgnore
    public List<Button> buttons() {
        return component("BUTTONS").map(Component::buttons).orElse(List.of());
    }

    @JsonIgnore
    public int quickReplyCount() {
        return (int) buttons().stream().filter(b -> "QUICK_REPLY".equalsIgnoreCase(b.type())).count();
    }

    /** What Meta would refuse in this definition; empty when it is fit to submit. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name must be lowercase letters, digits and underscores: " + name);
        }
        if (language == null || language.isBlank()) {
            problems.add("language is required");
        }
        if (category == null || !CATEGORIES.contains(category.toUpperCase(Locale.ROOT))) {
            problems.add("category must be one of " + CATEGORIES + ": " + category);
        }
        Optional<Component> body = component("BODY");
        if (body.isEmpty() || body.get().text() == null || body.get().text().isBlank()) {
            problems.add("a BODY with text is required");
        } else {
            String text = body.get().text();
            if (text.length() > BODY_MAX) {
                problems.add("body has " + text.length() + " characters; at most " + BODY_MAX);
            }
            checkVariables("body", text, problems);
            String stripped = text.strip();
            if (stripped.startsWith("{{") || stripped.matches("(?s).*\\{\\{\\d+}}[.!?]?$")) {
                problems.add("body must not start or end with a variable (Meta rejects it)");
            }
            checkExamples("body", text, bodyExamples(body.get()), problems);
        }
        component("HEADER").ifPresent(header -> {
            if (header.format() == null || "TEXT".equalsIgnoreCase(header.format())) {
                if (header.text() == null || header.text().length() > HEADER_TEXT_MAX) {
                    problems.add("a TEXT header needs text of at most " + HEADER_TEXT_MAX + " characters");
                } else {
                    checkVariables("header", header.text(), problems);
                    if (placeholders(header.text()).size() > 1) {
                        problems.add("a header has at most one variable");
                    }
                    checkExamples("header", header.text(), headerExamples(header), problems);
                }
            }
        });
        component("FOOTER").ifPresent(footer -> {
            if (footer.text() == null || footer.text().length() > FOOTER_MAX) {
                problems.add("the footer needs text of at most " + FOOTER_MAX + " characters");
            } else if (!placeholders(footer.text()).isEmpty()) {
                problems.add("the footer has no variables");
            }
        });
        List<Button> buttons = buttons();
        if (buttons.size() > MAX_BUTTONS) {
            problems.add("at most " + MAX_BUTTONS + " buttons");
        }
        for (Button button : buttons) {
            if (button.text() == null || button.text().isBlank() || button.text().length() > BUTTON_TEXT_MAX) {
                problems.add("button text must be 1 to " + BUTTON_TEXT_MAX + " characters: " + button.text());
            }
            if (button.type() == null || !Set.of("QUICK_REPLY", "URL", "PHONE_NUMBER")
                    .contains(button.type().toUpperCase(Locale.ROOT))) {
                problems.add("unsupported button type " + button.type());
            }
        }
        if (quickReplyCount() > MAX_QUICK_REPLIES) {
            problems.add("at most " + MAX_QUICK_REPLIES + " quick replies");
        }
        return problems;
    }

    private static void checkVariables(String where, String text, List<String> problems) {
        List<String> names = placeholders(text);
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(String.valueOf(i + 1))) {
                problems.add(where + " variables must be {{1}}, {{2}}, ... in order: found {{" + names.get(i) + "}}");
                return;
            }
        }
    }

    private static void checkExamples(String where, String text, List<?> examples, List<String> problems) {
        int variables = placeholders(text).size();
        if (variables > 0 && (examples == null || examples.size() != variables)) {
            problems.add(where + " has " + variables + " variables and needs as many examples, has "
                    + (examples == null ? 0 : examples.size()));
        }
    }

    private static List<?> bodyExamples(Component body) {
        Object examples = body.example() == null ? null : body.example().get("body_text");
        return examples instanceof List<?> rows && !rows.isEmpty() && rows.getFirst() instanceof List<?> first
                ? first : null;
    }

    private static List<?> headerExamples(Component header) {
        Object examples = header.example() == null ? null : header.example().get("header_text");
        return examples instanceof List<?> list ? list : null;
    }

    /** The distinct variable names of a text, in order of first appearance, as Meta counts them. */
    static List<String> placeholders(String text) {
        return List.copyOf(TemplatePlaceholders.names(text));
    }
}
