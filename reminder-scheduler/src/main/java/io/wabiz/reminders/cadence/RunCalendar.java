package io.wabiz.reminders.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a company's daily run happens: at {@code runAt} local time in its zone, on days that are not skipped
 * (weekdays such as Sunday, public holidays), outside quiet hours.
 *
 * <p>The run is level-triggered, not fired once at a wall-clock instant: a run is due whenever the local day's
 * run has not completed, the local time is at or after {@code runAt} and it is not quiet. So a run missed by
 * downtime happens on restart the same day, a crash mid-run is resumed by the next check, a {@code runAt} that
 * does not exist on a spring-forward day (02:30 in Paris) runs right after the gap, and one that happens twice
 * on a fall-back day runs once.
 */
public record RunCalendar(ZoneId zone, LocalTime runAt, Set<DayOfWeek> skipDays, Set<LocalDate> holidays,
                          QuietHours quietHours) {

    public RunCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(runAt, "runAt");
        skipDays = skipDays == null ? Set.of() : Set.copyOf(skipDays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        quietHours = quietHours == null ? QuietHours.NONE : quietHours;
        if (skipDays.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("every day of the week is skipped: reminders would never run");
        }
    }

    /** The company's calendar day at {@code now}. */
    public LocalDate localDay(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    public boolean isRunDay(LocalDate day) {
        return !skipDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** Whether {@code now} falls in the company's quiet hours. */
    public boolean quiet(Instant now) {
        return quietHours.contains(now.atZone(zone).toLocalTime());
    }

    /**
     * The local day whose run is due at {@code now}, if one is: today, when today is a run day, its run has not
     * completed ({@code lastCompleted} is before today), it is {@code runAt} or later, and not quiet.
     */
    public Optional<LocalDate> runDue(Instant now, LocalDate lastCompleted) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (lastCompleted != null && !lastCompleted.isBefore(today)) {
            return Optional.empty();
        }
        if (!isRunDay(today) || quietHours.contains(local.toLocalTime()) || startOf(today).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(today);
    }

    /**
     * When the run of {@code day} may start: {@code runAt} that day; on a spring-forward day when {@code runAt}
     * falls in the gap, the end of the gap (the first local time at or after {@code runAt}).
     */
    public Instant startOf(LocalDate day) {
        LocalDateTime local = LocalDateTime.of(day, runAt);
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /**
     * The next instant at or after {@code now} when a run will be due, given the last completed day: for the
     * admin API and the logs. Looks up to a year ahead (holidays and skipped days).
     */
    public Optional<Instant> nextRun(Instant now, LocalDate lastCompleted) {
        LocalDate day = localDay(now);
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            if (!isRunDay(day) || (lastCompleted != null && !lastCompleted.isBefore(day))) {
                continue;
            }
            Instant start = startOf(day);
            Instant candidate = start.isBefore(now) ? now : start;
            Instant afterQuiet = leaveQuietHours(candidate);
            if (localDay(afterQuiet).equals(day)) {
                return Optional.of(afterQuiet);
            }
        }
        return Optional.empty();
    }

    private Instant leaveQuietHours(Instant candidate) {
        if (!quiet(candidate)) {
            return candidate;
        }
        ZonedDateTime local = candidate.atZone(zone);
        ZonedDateTime end = local.with(quietHours.until());
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(quietHours.until());
        }
        return end.toInstant();
    }
}
