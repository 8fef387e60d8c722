package io.wabiz.reminders.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.reminders.cadence.DunningLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The scheduler's metrics: reminders by level and outcome, skips by reason, run durations, invoices planned, and
 * per company the time of its last completed run, read from the shared run log so that every replica reports the
 * same value (alert when it is more than a day and a bit old).
 */
public class ReminderMetrics {

    public static final String REMINDERS = "reminders.messages";
    public static final String SKIPPED = "reminders.skipped";
    public static final String RUN_DURATION = "reminders.run.duration";
    public static final String PLANNED = "reminders.invoices.planned";
    public static final String LAST_SUCCESS = "reminders.run.last.success";
    public static final String BEHIND = "reminders.run.behind";

    private final MeterRegistry registry;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public ReminderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome {@code published}, {@code republished}, {@code accepted}, {@code rejected}, {@code superseded} */
    public void reminder(int level, String outcome) {
        Counter.builder(REMINDERS).tag("level", DunningLevel.code(level)).tag("outcome", outcome)
                .description("reminders by dunning level and outcome").register(registry).increment();
    }

    public void skipped(StopReason reason) {
        Counter.builder(SKIPPED).tag("reason", reason.code()).description("due reminders a rule stopped")
                .register(registry).increment();
    }

    public void planned(String company, int reminders) {
        Counter.builder(PLANNED).tag("company", company).description("reminders planned by runs")
                .register(registry).increment(reminders);
    }

    public void run(String company, String outcome, Duration took) {
        Timer.builder(RUN_DURATION).tag("company", company).tag("outcome", outcome)
                .description("daily run of one company").register(registry).record(took);
    }

    /**
     * Registers a company's run gauges once: when its last run completed (epoch seconds, NaN before the first), and
     * how long its run of the day has been due without completing (the alert's measure: zero on skipped days, before
     * the run time and once the day completed).
     */
    public void watch(String company, Supplier<Optional<Instant>> lastCompletion, Supplier<Duration> behind) {
        if (gauged.add(company)) {
            Gauge.builder(LAST_SUCCESS, () -> lastCompletion.get().map(i -> (double) i.getEpochSecond())
                            .orElse(Double.NaN))
                    .tag("company", company).baseUnit("seconds")
                    .description("when the company's last daily run completed (epoch seconds)").register(registry);
            Gauge.builder(BEHIND, () -> (double) behind.get().toSeconds()).tag("company", company)
                    .baseUnit("seconds").description("how long the company's run of the day is due and not completed")
                    .register(registry);
        }
    }
}
