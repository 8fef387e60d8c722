package io.wabiz.reminders.cadence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives the cadence rules the way the service does: a fixed {@link Clock} stepped every {@code tick} from
 * {@code from} to {@code until}; at each step, when the company's run is due, the invoice's next step is taken
 * and its reminder (if any) written to an in-memory log. Downtime spans skip the steps inside them.
 */
final class DunningSimulation {

    /** One reminder as the simulated service sent it: the company's local date and time of the run. */
    record Sent(int level, LocalDateTime localTime, Instant at) {
    }

    private final RunCalendar calendar;
    private final DunningSchedule schedule;
    private final List<Instant[]> downtime = new ArrayList<>();
    private Duration tick = Duration.ofMinutes(30);
    private Instant importedAt = Instant.MIN;

    DunningSimulation(RunCalendar calendar, DunningSchedule schedule) {
        this.calendar = calendar;
        this.schedule = schedule;
    }

    DunningSimulation down(Instant from, Instant until) {
        downtime.add(new Instant[] {from, until});
        return this;
    }

    /** The invoice reaches the projection only at {@code at} (imported late). */
    DunningSimulation importedAt(Instant at) {
        importedAt = at;
        return this;
    }

    DunningSimulation every(Duration step) {
        tick = step;
        return this;
    }

    List<Sent> run(LocalDate dueDate, Instant from, Instant until) {
        List<Sent> sent = new ArrayList<>();
        Set<Integer> log = new HashSet<>();
        LocalDate lastCompleted = null;
        for (Instant now = from; now.isBefore(until); now = now.plus(tick)) {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            if (isDown(now)) {
                continue;
            }
            var due = calendar.runDue(clock.instant(), lastCompleted);
            if (due.isEmpty()) {
                continue;
            }
            if (!now.isBefore(importedAt)) {
                Step step = Dunning.next(schedule, dueDate, due.get(), log);
                if (step instanceof Step.Send send) {
                    log.add(send.level().days());
                    send.superseded().forEach(level -> log.add(level.days()));
                    sent.add(new Sent(send.level().days(), LocalDateTime.ofInstant(now, calendar.zone()), now));
                }
            }
            lastCompleted = due.get();
        }
        return sent;
    }

    private boolean isDown(Instant now) {
        return downtime.stream().anyMatch(span -> !now.isBefore(span[0]) && now.isBefore(span[1]));
    }
}
