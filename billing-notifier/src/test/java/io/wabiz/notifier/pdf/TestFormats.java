package io.wabiz.notifier.pdf;

import io.wabiz.notification.money.MoneyFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats for renderer tests: the platform's amounts, and ISO dates that are easy to assert. */
final class TestFormats implements DocumentFormats {

    @Override
    public String money(BigDecimal amount, String currency, Locale locale) {
        return MoneyFormat.format(amount, currency, locale);
    }

    @Override
    public String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
