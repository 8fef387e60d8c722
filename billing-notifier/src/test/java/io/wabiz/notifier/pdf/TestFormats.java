package io.wabiz.notifier.pdf;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats for renderer tests: ICU currency amounts and ISO dates. */
final class TestFormats implements DocumentFormats {

    @Override
    public String money(BigDecimal amount, String currency, Locale locale) {
        return NumberFormatter.withLocale(ULocale.forLocale(locale)).unit(Currency.getInstance(currency))
                .format(amount).toString();
    }

    @Override
    public String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
