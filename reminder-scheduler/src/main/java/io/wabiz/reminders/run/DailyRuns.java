package io.wabiz.reminders.run;

import io.wabiz.reminders.cadence.RunCalendar;
import io.wabiz.reminders.invoices.Companies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily runs of every company: called under the scheduler lock, by the schedule on whichever replica holds it,
 * or by an admin for one company. A company's run is due when its calendar says so and its day has not completed.
 */
public final class DailyRuns {

    private static final Logger log = LoggerFactory.getLogger(DailyRuns.class);

    private final CompanyCadences cadences;
    private final Companies companies;
    private final RunRegistry registry;
    private final ReminderRun run;
    private final ReminderMetrics metrics;
    private final Clock clock;

    public DailyRuns(CompanyCadences cadences, Companies companies, RunRegistry registry, ReminderRun run,
                     ReminderMetrics metrics, Clock clock) {
        this.cadences = cadences;
        this.companies = companies;
        this.registry = registry;
        this.run = run;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs every company whose run is due now; one company's failure does not keep the others from running. */
    public List<ReminderRun.Outcome> runDue(ReminderRun.Heartbeat heartbeat) {
        List<ReminderRun.Outcome> outcomes = new ArrayList<>();
        for (String company : new TreeSet<>(cadences.companies(companies.all()))) {
            watch(company);
            RunCalendar calendar = cadences.cadence(company).calendar();
            Instant now = clock.instant();
            LocalDate today = calendar.localDay(now);
            Optional<LocalDate> due = calendar.runDue(now, registry.completed(company, today) ? today : null);
            if (due.isEmpty()) {
                continue;
            }
            try {
                outcomes.add(run.run(company, due.get(), RunRegistry.Trigger.SCHEDULE, heartbeat));
            } catch (RuntimeException e) {
                log.error("Reminder run of {} for {} failed; the next check runs it again", company, due.get(), e);
            }
        }
        return outcomes;
    }

    /** Registers the last-success gauge of every company, on every replica (not only the one holding the lock). */
    public void watchAll() {
        cadences.companies(companies.all()).forEach(this::watch);
    }

    private void watch(String company) {
        metrics.watch(company, () -> registry.lastCompletion(company), () -> behind(company));
    }

    /**
     * How long the company's run of today has been due without completing: zero on a day without a run, before its
     * start (the run time, or the end of the quiet hours when it falls in them), and once it completed.
     */
    public Duration behind(String company) {
        RunCalendar calendar = cadences.cadence(company).calendar();
        Instant now = clock.instant();
        LocalDate today = calendar.localDay(now);
        if (!calendar.isRunDay(today) || registry.completed(company, today)) {
            return Duration.ZERO;
        }
        Optional<Instant> due = calendar.nextRun(calendar.startOf(today), null)
                .filter(start -> calendar.localDay(start).equals(today));
        return due.filter(now::isAfter).map(start -> Duration.between(start, now)).orElse(Duration.ZERO);
    }

    /** An admin's run of one company now, for its current local day (quiet hours are respected). */
    public ReminderRun.Outcome runNow(String company, ReminderRun.Heartbeat heartbeat) {
        watch(company);
        RunCalendar calendar = cadences.cadence(company).calendar();
        Instant now = clock.instant();
        if (calendar.quiet(now)) {
            throw new QuietHoursException(company, calendar);
        }
        return run.run(company, calendar.localDay(now), RunRegistry.Trigger.ADMIN, heartbeat);
    }

    /** The company's current local day. */
    public LocalDate today(String company) {
        return cadences.cadence(company).calendar().localDay(clock.instant());
    }

    /** The next time the company's run will be due. */
    public Optional<Instant> nextRun(String company) {
        RunCalendar calendar = cadences.cadence(company).calendar();
        LocalDate today = calendar.localDay(clock.instant());
        return calendar.nextRun(clock.instant(), registry.completed(company, today) ? today : null);
    }

    /** A run asked for in the company's quiet hours. */
    public static final class QuietHoursException extends RuntimeException {
        public QuietHoursException(String company, RunCalendar calendar) {
            super("it is quiet hours for " + company + " (" + calendar.quietHours() + ", " + calendar.zone()
                    + "): no reminder is sent now");
        }
    }
}
