package io.wabiz.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** Times as the staff read them: in the company's zone, in the reader's language, today's as a time only. */
public class Formats {

    private final ZoneId zone;
    private final Clock clock;

    public Formats(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** "14:05" today, "3 déc. 14:05" this year, the full date before. */
    public String when(Instant at) {
        if (at == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        ZonedDateTime time = at.atZone(zone);
        LocalDate today = today();
        if (time.toLocalDate().equals(today)) {
            return time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        }
        String pattern = time.getYear() == today.getYear() ? "d MMM HH:mm" : "d MMM yyyy HH:mm";
        return time.format(DateTimeFormatter.ofPattern(pattern, locale));
    }

    /** Date and time to the second, for a tooltip or a timeline. */
    public String exact(Instant at) {
        if (at == null) {
            return "";
        }
        return at.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMM", LocaleContextHolder.getLocale()));
    }

    /** Hours and minutes left, such as "5 h 20 min". */
    public String remaining(Instant until) {
        if (until == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative()) {
            return "";
        }
        long hours = left.toHours();
        long minutes = left.toMinutesPart();
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
