package io.wabiz.notifier.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.notification.SkipReason;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code notifier.notifications{kind,outcome}} (requested, republished, duplicate, waiting, skipped, accepted,
 * rejected, delivered, read, failed), {@code notifier.skips{kind,reason}}, {@code notifier.erp.told{kind}} and the
 * timer {@code notifier.event.to.command{kind}} from the ERP record reaching Kafka to its command acknowledged.
 */
public class NotificationMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<NotificationKind, Timer> latencies = new ConcurrentHashMap<>();

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void outcome(NotificationKind kind, String outcome) {
        counters.computeIfAbsent("n|" + kind + "|" + outcome, k -> Counter.builder("notifier.notifications")
                .description("Notifications by kind and outcome").tag("kind", tag(kind)).tag("outcome", outcome)
                .register(registry)).increment();
    }

    public void skipped(NotificationKind kind, SkipReason reason) {
        outcome(kind, "skipped");
        counters.computeIfAbsent("s|" + kind + "|" + reason, k -> Counter.builder("notifier.skips")
                .description("Notifications not sent, by reason").tag("kind", tag(kind)).tag("reason", reason.code())
                .register(registry)).increment();
    }

    public void erpTold(NotificationKind kind) {
        counters.computeIfAbsent("e|" + kind, k -> Counter.builder("notifier.erp.told")
                .description("NotificationRecorded published to the ERP").tag("kind", tag(kind))
                .register(registry)).increment();
    }

    public void eventToCommand(NotificationKind kind, Duration latency) {
        if (latency.isNegative()) {
            return; // clocks of another host; nothing to learn
        }
        latencies.computeIfAbsent(kind, k -> Timer.builder("notifier.event.to.command")
                .description("From the ERP record on Kafka to its SendMessage acknowledged by Kafka")
                .tag("kind", tag(kind)).publishPercentileHistogram().register(registry)).record(latency);
    }

    private static String tag(NotificationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
