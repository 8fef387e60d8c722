package io.wabiz.scenarioengine.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When staff answer WhatsApp: opening times per weekday in the company's zone, and how soon they answer while
 * open. Tells a customer who asks for a person when to expect an answer.
 */
public final class OpeningHours {

    /** One opening span of a day, such as 08:00-18:00. */
    public record Span(LocalTime opens, LocalTime closes) {
        public Span {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("an opening span closes after it opens: " + opens + "-" + closes);
            }
        }

        /** Reads {@code 08:00-18:00}. */
        public static Span parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("opening hours are written 08:00-18:00, not " + text);
            }
            return new Span(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }
    }

    /**
     * @param open        staff are there now
     * @param answerBy    the latest time the customer can expect an answer
     * @param nextOpening when staff are next there (now when open)
     */
    public record Expectation(boolean open, Instant answerBy, ZonedDateTime nextOpening) {
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> week;
    private final Duration responseTime;

    public OpeningHours(ZoneId zone, Map<DayOfWeek, List<Span>> week, Duration responseTime) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, spans) -> this.week.put(day, List.copyOf(spans)));
        this.responseTime = responseTime;
    }

    public ZoneId zone() {
        return zone;
    }

    public Duration responseTime() {
        return responseTime;
    }

    public Expectation expectation(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (Span span : week.getOrDefault(local.getDayOfWeek(), List.of())) {
            LocalTime time = local.toLocalTime();
            if (!time.isBefore(span.opens()) && time.isBefore(span.closes())) {
                return new Expectation(true, now.plus(responseTime), local);
            }
        }
        Optional<ZonedDateTime> next = nextOpening(local);
        ZonedDateTime opening = next.orElse(local.plusDays(1));
        return new Expectation(false, opening.toInstant().plus(responseTime), opening);
    }

    private Optional<ZonedDateTime> nextOpening(ZonedDateTime from) {
        for (int days = 0; days <= 7; days++) {
            LocalDate date = from.toLocalDate().plusDays(days);
            for (Span span : week.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing(Span::opens)).toList()) {
                ZonedDateTime opens = date.atTime(span.opens()).atZone(zone);
                if (opens.isAfter(from)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }
}
