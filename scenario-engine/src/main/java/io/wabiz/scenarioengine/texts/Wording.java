package io.wabiz.scenarioengine.texts;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders stored texts for one customer: picks the language (the customer's, else the default), fills the
 * placeholders, formats amounts with the currency's own decimals and the language's grouping (ICU: XOF has no
 * decimals) and dates in the language's medium form.
 */
public final class Wording {

    private final List<String> languages;
    private final String defaultLanguage;
    private final ZoneId zone;
    private final Map<String, TextTemplate> parsed = new ConcurrentHashMap<>();
    private final Map<String, MoneyFormat> moneyFormats = new ConcurrentHashMap<>();
    private final Map<String, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();

    public Wording(List<String> languages, String defaultLanguage, ZoneId zone) {
        this.languages = languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        this.defaultLanguage = defaultLanguage.toLowerCase(Locale.ROOT);
        this.zone = zone;
        if (!this.languages.contains(this.defaultLanguage)) {
            throw new IllegalArgumentException("the default language " + defaultLanguage + " is not among " + languages);
        }
    }

    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A supported language for an ERP or Meta language tag ({@code fr_FR}, {@code en-GB}, {@code fr}); else the default. */
    public String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return defaultLanguage;
        }
        String language = tag.strip().toLowerCase(Locale.ROOT).split("[_-]", 2)[0];
        return languages.contains(language) ? language : defaultLanguage;
    }

    public String render(Texts texts, String language, Placeholder.Scope scope, Map<Placeholder, String> values) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.in(language, defaultLanguage);
        return parsed.computeIfAbsent(scope.name() + '\u0000' + text, key -> TextTemplate.parse(text, scope))
                .render(values);
    }

    public String money(BigDecimal amount, String currencyCode, String language) {
        if (amount == null) {
            return "";
        }
        String currency = currencyCode == null || currencyCode.isBlank() ? "" : currencyCode;
        return moneyFormats.computeIfAbsent(language + '\u0000' + currency, key -> moneyFormat(currency, language))
                .format(amount);
    }

    /** ICU's formatter of a language and currency, made once: building one costs more than formatting with it. */
    private static MoneyFormat moneyFormat(String currency, String language) {
        ULocale locale = ULocale.forLanguageTag(language);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        String suffix = "";
        if (!currency.isEmpty()) {
            try {
                format.setCurrency(Currency.getInstance(currency));
            } catch (IllegalArgumentException unknownCurrency) {
                format = NumberFormat.getNumberInstance(locale);
                suffix = " " + currency;
            }
        }
        return new MoneyFormat(((DecimalFormat) format).toNumberFormatter(), suffix);
    }

    /** An immutable, thread-safe ICU formatter and what follows the number (an unknown currency's code). */
    private record MoneyFormat(LocalizedNumberFormatter formatter, String suffix) {
        String format(BigDecimal amount) {
            return formatter.format(amount).toString() + suffix;
        }
    }

    public String date(LocalDate date, String language) {
        return date == null ? "" : dateFormats.computeIfAbsent(language, tag -> DateTimeFormatter
                .ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(tag))).format(date);
    }
}
