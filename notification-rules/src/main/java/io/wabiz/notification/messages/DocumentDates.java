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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates in messages: in the company's time zone, in the reader's language ({@code 3 mars 2026}, {@code Mar 3,
 * 2026}). Building an ICU formatter reads locale data, so one is built per language and zone and cloned per use
 * (the formatters are not thread-safe; a clone is).
 */
public final class DocumentDates {

    private static final Map<String, DateFormat> PROTOTYPES = new ConcurrentHashMap<>();

    private DocumentDates() {
    }

    /** The calendar day of {@code instant} in {@code zone}, written for {@code locale}. */
    public static String format(Instant instant, ZoneId zone, Locale locale) {
        return formatter(locale, zone.getId()).format(Date.from(instant));
    }

    /** A calendar day (a due date) written for {@code locale}; it has no time zone to convert. */
    public static String format(LocalDate date, Locale locale) {
        return formatter(locale, "UTC").format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static DateFormat formatter(Locale locale, String zone) {
        DateFormat prototype = PROTOTYPES.computeIfAbsent(locale.toLanguageTag() + "|" + zone, key -> {
            DateFormat format = DateFormat.getInstanceForSkeleton(DateFormat.YEAR_ABBR_MONTH_DAY,
                    ULocale.forLocale(locale));
            format.setTimeZone(TimeZone.getTimeZone(zone));
            return format;
        });
        return (DateFormat) prototype.clone();
    }
}
