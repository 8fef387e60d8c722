package io.wabiz.notification.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of notifications, one UTF-8 properties file per bundle and language on the classpath
 * ({@code messages/orders_fr.properties}, {@code _en}, {@code _wo}), written as ICU message patterns
 * ({@code Votre commande {number} de {total}}, plurals with {@code {count, plural, one {# ligne} other {# lignes}}}).
 * Several bundles load into one set (a service's own texts next to shared ones). A key missing in a language falls
 * back to the fallback language (French: Wolof readers in Senegal read French); a key missing there too is an
 * error when the bundles load, not when a customer would have received the message.
 */
public final class MessageBundles {

    private final Map<Locale, Map<String, String>> patterns;
    private final Locale fallback;
    private final Map<Locale, Map<String, java.util.Queue<com.ibm.icu.text.MessageFormat>>> compiled =
            new java.util.concurrent.ConcurrentHashMap<>();

    private MessageBundles(Map<Locale, Map<String, String>> patterns, Locale fallback) {
        this.patterns = patterns;
        this.fallback = fallback;
    }

    /** Loads {@code baseNames} for every supported language, falling back to French. */
    public static MessageBundles load(String... baseNames) {
        return load(Languages.SUPPORTED, Languages.FRENCH, List.of(baseNames));
    }

    public static MessageBundles load(Collection<Locale> languages, Locale fallback, Collection<String> baseNames) {
        ClassLoader loader = MessageBundles.class.getClassLoader();
        Map<Locale, Map<String, String>> patterns = new LinkedHashMap<>();
        for (Locale language : languages) {
            Map<String, String> texts = new HashMap<>();
            for (String baseName : baseNames) {
                String path = baseName + "_" + language.getLanguage() + ".properties";
                try (InputStream in = loader.getResourceAsStream(path)) {
                    if (in == null) {
                        continue; // a language may have none of this bundle: the fallback speaks for it
                    }
                    Properties properties = new Properties();
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String key : properties.stringPropertyNames()) {
                        if (texts.put(key, properties.getProperty(key)) != null) {
                            throw new IllegalStateException("message " + key + " is defined twice for " + language);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }
            patterns.put(language, Map.copyOf(texts));
        }
        if (!patterns.containsKey(fallback) || patterns.get(fallback).isEmpty()) {
            throw new IllegalStateException("no " + fallback + " texts in " + baseNames);
        }
        MessageBundles bundles = new MessageBundles(Map.copyOf(patterns), fallback);
        bundles.checkPatterns();
        return bundles;
    }

    /** The texts of one language (a supported one, else the fallback's). */
    public Messages forLocale(Locale locale) {
        Locale language = locale != null && patterns.containsKey(Locale.of(locale.getLanguage()))
                ? Locale.of(locale.getLanguage()) : fallback;
        return new Messages(language, patterns.get(language), patterns.get(fallback),
                compiled.computeIfAbsent(language, l -> new java.util.concurrent.ConcurrentHashMap<>()));
    }

    /** Keys of the fallback language that {@code language} lacks (they are shown in the fallback language). */
    public Set<String> missingKeys(Locale language) {
        Set<String> missing = new TreeSet<>(patterns.get(fallback).keySet());
        missing.removeAll(patterns.getOrDefault(language, Map.of()).keySet());
        return missing;
    }

    /** Keys some language has that the fallback language does not: they could never be shown to everyone. */
    public Set<String> keysWithoutFallback() {
        Set<String> extra = new TreeSet<>();
        patterns.forEach((language, texts) -> texts.keySet().stream()
                .filter(key -> !patterns.get(fallback).containsKey(key)).forEach(extra::add));
        return extra;
    }

    public Set<Locale> languages() {
        return patterns.keySet();
    }

    private void checkPatterns() {
        patterns.forEach((language, texts) -> texts.forEach((key, pattern) -> {
            try {
                new com.ibm.icu.text.MessageFormat(pattern, com.ibm.icu.util.ULocale.forLocale(language));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("message " + key + " (" + language + ") is not a valid ICU pattern: "
                        + e.getMessage(), e);
            }
        }));
    }
}
