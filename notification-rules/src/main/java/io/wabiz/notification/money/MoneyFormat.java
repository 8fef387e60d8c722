package io.wabiz.notification.money;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amounts as a reader of the language expects them, with the currency's own decimals (CLDR, via ICU4J):
 * {@code 125000 XOF} in French is {@code 125 000 F CFA} (no decimals, narrow no-break spaces), {@code 1234.5 EUR}
 * in English is {@code €1,234.50}. Formatters are immutable and cached per language and currency.
 */
public final class MoneyFormat {

    private static final Map<String, LocalizedNumberFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private MoneyFormat() {
    }

    /** {@code amount} in {@code currencyCode} (ISO 4217) for {@code locale}, rounded half-up to its decimals. */
    public static String format(BigDecimal amount, String currencyCode, Locale locale) {
        if (amount == null) {
            throw new IllegalArgumentException("no amount to format");
        }
        return formatter(currency(currencyCode), locale).format(amount).toString();
    }

    /** The number of decimals of a currency (0 for XOF and XAF, 2 for EUR, 3 for TND). */
    public static int decimals(String currencyCode) {
        return currency(currencyCode).getDefaultFractionDigits();
    }

    /** The amount rounded to the currency's decimals, as a payment provider or a template's currency wants it. */
    public static BigDecimal rounded(BigDecimal amount, String currencyCode) {
        return amount.setScale(decimals(currencyCode), RoundingMode.HALF_UP);
    }

    /** Meta's template {@code currency.amount_1000}: the amount times 1000, rounded to the currency's decimals. */
    public static long amount1000(BigDecimal amount, String currencyCode) {
        return rounded(amount, currencyCode).movePointRight(3).longValueExact();
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("no currency code");
        }
        Currency currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        if (!Currency.isAvailable(currency.getCurrencyCode(), null, null)) {
            throw new IllegalArgumentException("unknown currency " + code);
        }
        return currency;
    }

    private static LocalizedNumberFormatter formatter(Currency currency, Locale locale) {
        Locale language = locale == null ? Locale.ROOT : locale;
        return FORMATTERS.computeIfAbsent(language.toLanguageTag() + "|" + currency.getCurrencyCode(),
                key -> NumberFormatter.withLocale(ULocale.forLocale(language)).unit(currency)
                        .precision(Precision.currency(Currency.CurrencyUsage.STANDARD))
                        .roundingMode(RoundingMode.HALF_UP));
    }
}
