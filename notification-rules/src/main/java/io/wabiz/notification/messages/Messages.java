package io.wabiz.notification.messages;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The texts of one language: {@code text("order.created.body", Map.of("number", "S00042"))}. */
public final class Messages {

    private final Locale locale;
    private final Map<String, String> own;
    private final Map<String, String> fallback;
    private final Map<String, Queue<MessageFormat>> compiled;

    Messages(Locale locale, Map<String, String> own, Map<String, String> fallback,
             Map<String, Queue<MessageFormat>> compiled) {
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
        // ICU's MessageFormat is not thread-safe, and a clone of it drops the number format and plural rules it
        // builds on first use (resource-bundle lookups: most of a reminder's formatting time when each text got a
        // fresh clone), so formats are pooled per key: each one is used by one thread at a time and kept warm.
        // The pool holds at most as many as there were threads formatting that key at once.
        Queue<MessageFormat> pool = compiled.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        MessageFormat format = pool.poll();
        if (format == null) {
            format = new MessageFormat(pattern, ULocale.forLocale(locale));
        }
        try {
            return format.format(arguments);
        } finally {
            pool.offer(format);
        }
    }

    public String text(String key) {
        return text(key, Map.of());
    }

    public boolean has(String key) {
        return own.containsKey(key) || fallback.containsKey(key);
    }
}
