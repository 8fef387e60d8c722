package io.wabiz.scenarioengine.texts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A text with named placeholders: {@code {name}} is replaced by the value of that name, {@code {{} and
 * {@code }}} write a brace. Nothing else is interpreted: no expressions, no method calls, no nesting. A template
 * reads only the values it is handed, so a stored text can never reach anything else.
 */
public final class TextTemplate {

    private final List<Object> parts; // String literals and Placeholders, in order

    private TextTemplate(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads a template, refusing unknown or unclosed placeholders and placeholders {@code scope} does not offer
     * (a null scope offers them all).
     */
    public static TextTemplate parse(String text, Placeholder.Scope scope) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new InvalidText("unclosed placeholder at character " + (i + 1) + " (write {{ for a brace)");
                }
                String name = text.substring(i + 1, end).strip();
                Placeholder placeholder = Placeholder.named(name).orElseThrow(() -> new InvalidText(
                        "unknown placeholder {" + name + "}; this text may use " + names(scope)));
                if (scope != null && !scope.allowed().contains(placeholder)) {
                    throw new InvalidText("placeholder {" + name + "} is not available here; this text may use "
                            + names(scope));
                }
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(placeholder);
                i = end + 1;
            } else if (c == '}') {
                throw new InvalidText("lone } at character " + (i + 1) + " (write }} for a brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new TextTemplate(parts);
    }

    /** The text with each placeholder replaced by its value, cut to the placeholder's longest. */
    public String render(Map<Placeholder, String> values) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                out.append(cut(values.getOrDefault(placeholder, ""), placeholder.maxLength()));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** The text with every placeholder at its longest: what is checked against WhatsApp's limits on saving. */
    public String longest() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        for (Placeholder placeholder : Placeholder.values()) {
            values.put(placeholder, "W".repeat(placeholder.maxLength()));
        }
        return render(values);
    }

    static String cut(String value, int max) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        int end = value.offsetByCodePoints(0, max - 1);
        return value.substring(0, end) + "…";
    }

    private static String names(Placeholder.Scope scope) {
        java.util.Collection<Placeholder> allowed = scope == null ? List.of(Placeholder.values()) : scope.allowed();
        return allowed.stream().map(p -> "{" + p.placeholderName() + "}").sorted().toList().toString();
    }

    /** A text that cannot be a template: the message says where and why. */
    public static final class InvalidText extends IllegalArgumentException {
        public InvalidText(String message) {
            super(message);
        }
    }
}
