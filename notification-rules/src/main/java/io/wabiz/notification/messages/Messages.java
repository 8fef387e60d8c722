package io.wabiz.notification.messages;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;

/** The texts of one language: {@code text("order.created.body", Map.of("number", "S00042"))}. */
public final class Messages {

    private final Locale locale;
    private final Map<String, String> own;
    private final Map<String, String> fallback;
    private final Map<String, MessageFormat> compiled;

    Messages(Locale locale, Map<String, String> own, Map<String, String> fallback,
             Map<String, MessageFormat> compiled) {
        this.locale = locale;
        this.own = own;
        this.fallback = fallback;
        this.compiled = compiled;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its named arguments filled in (numbers for plurals, strings otherwise). */
    public String text(String key, Map<String, ?> arguments) {
        String pattern = own.get(key);
        if (pattern == null) {
            pattern = fallback.get(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        String found = pattern;
        // parsed once per language and key; ICU formatters are not thread-safe, so each use gets a clone
        MessageFormat prototype = compiled.computeIfAbsent(key, k -> new MessageFormat(found,
                ULocale.forLocale(locale)));
        return ((MessageFormat) prototype.clone()).format(arguments);
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    public boolean has(String key) {
        return own.containsKey(key) || fallback.containsKey(key);
    }
}
