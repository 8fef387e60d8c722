package io.wabiz.notification.messages;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The languages notifications are written in (French, English, Wolof), chosen from the ERP's language code of the
 * partner ({@code fr_FR}, {@code en_US}, {@code wo_SN}, {@code fr}); anything else falls back to the company's
 * default language.
 */
public final class Languages {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale WOLOF = Locale.of("wo");

    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH, WOLOF);
    private static final Set<String> CODES = Set.of("fr", "en", "wo");

    private Languages() {
    }

    /**
     * The supported language for an ERP language code, else {@code defaultLanguage} (itself supported, else French).
     */
    public static Locale resolve(String erpLanguage, String defaultLanguage) {
        String code = languageOf(erpLanguage);
        if (code != null && CODES.contains(code)) {
            return Locale.of(code);
        }
        String fallback = languageOf(defaultLanguage);
        return fallback != null && CODES.contains(fallback) ? Locale.of(fallback) : FRENCH;
    }

    /** {@code fr} of {@code fr_FR}, {@code fr-SN} or {@code FR}; null for nothing. */
    public static String languageOf(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String text = code.strip();
        int cut = text.indexOf('_') >= 0 ? text.indexOf('_') : text.indexOf('-');
        return (cut >= 0 ? text.substring(0, cut) : text).toLowerCase(Locale.ROOT);
    }
}
