package io.wabiz.scenarioengine.texts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One text in several languages, each a template with named placeholders ({@code {orderNumber}}):
 * {@code {"fr": "Commande {orderNumber} validée", "en": "Order {orderNumber} confirmed"}}. Languages are ISO 639-1
 * codes in lower case.
 */
public record Texts(Map<String, String> byLanguage) {

    public Texts {
        Map<String, String> copy = new TreeMap<>();
        if (byLanguage != null) {
            byLanguage.forEach((language, text) -> {
                if (language != null && text != null) {
                    copy.put(language.strip().toLowerCase(Locale.ROOT), text);
                }
            });
        }
        byLanguage = Map.copyOf(copy);
    }

    @JsonCreator
    public static Texts of(Map<String, String> byLanguage) {
        return new Texts(byLanguage);
    }

    public static Texts of(String french, String english) {
        return new Texts(Map.of("fr", french, "en", english));
    }

    @JsonValue
    public Map<String, String> json() {
        return new TreeMap<>(byLanguage);
    }

    /** The text in {@code language}, else in {@code fallbackLanguage}, else any. */
    public String in(String language, String fallbackLanguage) {
        String text = byLanguage.get(language);
        if (text == null) {
            text = byLanguage.get(fallbackLanguage);
        }
        if (text == null && !byLanguage.isEmpty()) {
            text = byLanguage.values().iterator().next();
        }
        return text;
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
