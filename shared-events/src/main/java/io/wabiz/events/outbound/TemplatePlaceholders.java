package io.wabiz.events.outbound;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a template text, counted as Meta counts them: by distinct placeholder, so a body using
 * {@code {{1}}} twice takes one parameter. Positional ({@code {{1}}}) and named ({@code {{first_name}}})
 * placeholders alike. The one count of the platform (the sender's check and the Meta simulator use it).
 */
public final class TemplatePlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

    private TemplatePlaceholders() {
    }

    /** How many parameters a send must give for this text; 0 for null. */
    public static int count(String text) {
        return names(text).size();
    }

    /** The distinct placeholders of the text, in their first order of appearance ({@code "1"}, {@code "first_name"}). */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
