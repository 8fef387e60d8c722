package io.wabiz.notification.templates;

import io.wabiz.notification.messages.Languages;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which approved template a notification falls back on, by purpose ({@code order-created}) and the language of the
 * text: the template in that language, else in the language the fallbacks name for it (Meta has no Wolof
 * templates: {@code wo -> fr}), else in the default language.
 */
public final class TemplateNames {

    private final Map<String, Map<String, String>> names;
    private final Map<String, String> languageFallbacks;
    private final String defaultLanguage;

    /**
     * @param names             per purpose, per Meta language code ({@code fr}, {@code en}): the template name
     * @param languageFallbacks per text language, the template language to use when the purpose has none in it
     */
    public TemplateNames(Map<String, Map<String, String>> names, Map<String, String> languageFallbacks,
                         String defaultLanguage) {
        this.names = Map.copyOf(names);
        this.languageFallbacks = Map.copyOf(languageFallbacks);
        this.defaultLanguage = defaultLanguage;
    }

    /** A template as a send names it. */
    public record TemplateRef(String name, String language) {
    }

    public Optional<TemplateRef> choose(String purpose, Locale textLanguage) {
        Map<String, String> byLanguage = names.get(purpose);
        if (byLanguage == null || byLanguage.isEmpty()) {
            return Optional.empty();
        }
        String language = textLanguage == null ? defaultLanguage : textLanguage.getLanguage();
        for (String candidate : new String[] {language, languageFallbacks.get(language), defaultLanguage}) {
            if (candidate != null && byLanguage.containsKey(candidate)) {
                return Optional.of(new TemplateRef(byLanguage.get(candidate), candidate));
            }
        }
        return Optional.empty();
    }

    /** Every configured (purpose, template) pair, to check against the shipped definitions at start. */
    public Map<String, Map<String, String>> all() {
        return names;
    }

    /** The text language of a template language: {@code fr} for {@code fr}, {@code en} for {@code en_US}. */
    public static Locale textLanguageOf(String templateLanguage) {
        return Languages.resolve(templateLanguage, "fr");
    }
}
