package io.wabiz.notification.messages;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

/**
 * Dates in messages: in the company's time zone, in the reader's language ({@code 3 mars 2026}, {@code Mar 3,
 * 2026}). ICU's formatters are not thread-safe, so each call makes its own (cheap next to a Kafka round trip).
 */
public final class DocumentDates {

    private DocumentDates() {
    }

    /** The calendar day of {@code instant} in {@code zone}, written for {@code locale}. */
    public static String format(Instant instant, ZoneId zone, Locale locale) {
        DateFormat format = DateFormat.getInstanceForSkeleton(DateFormat.YEAR_ABBR_MONTH_DAY, ULocale.forLocale(locale));
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(instant));
    }

    /** A calendar day (a due date) written for {@code locale}; it has no time zone to convert. */
    public static String format(LocalDate date, Locale locale) {
        DateFormat format = DateFormat.getInstanceForSkeleton(DateFormat.YEAR_ABBR_MONTH_DAY, ULocale.forLocale(locale));
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
