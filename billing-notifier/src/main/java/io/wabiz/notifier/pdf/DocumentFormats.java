package io.wabiz.notifier.pdf;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How amounts, dates and quantities are written in a document; the notifier passes the platform's money and
 * date formats (notification-rules), so a PDF and a WhatsApp message show an amount the same way.
 */
public interface DocumentFormats {

    String money(BigDecimal amount, String currency, Locale locale);

    String date(LocalDate date, Locale locale);

    /** A quantity with at most three decimals and the language's separators: {@code 2}, {@code 1,5}. */
    default String quantity(BigDecimal quantity, Locale locale) {
        return NumberFormatter.withLocale(ULocale.forLocale(locale))
                .precision(Precision.maxFraction(3)).roundingMode(RoundingMode.HALF_UP)
                .format(quantity).toString();
    }

    /** A discount rate: {@code 10 %}, {@code 12,5 %}. */
    default String percent(BigDecimal percent, Locale locale) {
        return NumberFormatter.withLocale(ULocale.forLocale(locale))
                .precision(Precision.maxFraction(2)).format(percent).toString() + "\u202f%";
    }
}
