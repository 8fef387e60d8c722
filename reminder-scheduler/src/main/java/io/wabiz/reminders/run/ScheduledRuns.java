package io.wabiz.reminders.run;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The schedule: every replica checks every {@code reminders.run.tick-interval} (and soon after start, so a restart
 * catches up the day's run); ShedLock lets one of them in at a time, the others skip the check.
 */
public class ScheduledRuns {

    private final DailyRuns runs;
    private final RunLock lock;

    public ScheduledRuns(DailyRuns runs, RunLock lock) {
        this.runs = runs;
        this.lock = lock;
    }

    @Scheduled(fixedDelayString = "${reminders.run.tick-interval:PT1M}",
            initialDelayString = "${reminders.run.initial-delay:PT10S}")
    @SchedulerLock(name = RunLock.NAME, lockAtMostFor = "${reminders.run.lock-at-most-for:PT2M}",
            lockAtLeastFor = "${reminders.run.lock-at-least-for:PT5S}")
    public void check() {
        runs.runDue(lock.heartbeat());
    }

    /** Outside the lock: every replica exports every company's last success, so the alert works whoever runs. */
    @Scheduled(fixedDelayString = "${reminders.run.tick-interval:PT1M}",
            initialDelayString = "${reminders.run.initial-delay:PT10S}")
    public void watch() {
        runs.watchAll();
    }
}
