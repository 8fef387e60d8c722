package io.wabiz.notification.messages;

import java.util.regex.Pattern;

/**
 * Fits text into WhatsApp's limits without cutting a word: the cut falls on the last space (or line break) that
 * leaves room for the ellipsis; a single word longer than the limit is cut, as nothing else fits. Lengths are
 * counted in code points, as {@link io.wabiz.events.outbound.WhatsAppLimits} counts them.
 */
public final class TextFit {

    public static final String ELLIPSIS = "…";
    // compiled once: every template parameter of every message goes through them
    private static final Pattern LINE_BREAKS_AND_TABS = Pattern.compile("[\\t\\r\\n]+");
    private static final Pattern FOUR_SPACES_OR_MORE = Pattern.compile(" {4,}");

    private TextFit() {
    }

    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** {@code text} unchanged when it fits in {@code max} characters, else shortened at a word and ending in "…". */
    public static String fit(String text, int max) {
        if (text == null || length(text) <= max) {
            return text;
        }
        if (max < 1) {
            return "";
        }
        int limit = text.offsetByCodePoints(0, max - 1); // room for the ellipsis
        int cut = -1;
        for (int i = limit; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                cut = i;
                break;
            }
        }
        String kept = (cut > 0 ? text.substring(0, cut) : text.substring(0, limit)).stripTrailing();
        return kept + ELLIPSIS;
    }

    /**
     * A template parameter as Meta accepts it: not empty, no line breaks or tabs, never more than four spaces in a
     * row (Meta refuses the send otherwise), within {@code max} characters.
     */
    public static String templateParameter(String text, int max) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        String oneLine = FOUR_SPACES_OR_MORE.matcher(LINE_BREAKS_AND_TABS.matcher(text).replaceAll(" "))
                .replaceAll("   ").strip();
        return fit(oneLine, max);
    }
}
