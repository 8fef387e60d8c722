package io.wabiz.scenarioengine.taps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code scenario_taps_total{action,outcome}}, {@code scenario_stale_taps_total{action}},
 * {@code scenario_tap_duplicates_total} and {@code scenario_tap_to_command_seconds{kind}}: from the ingress's
 * publication of the tap to Kafka's acknowledgement of the engine's command ({@code erp}) or first reply
 * ({@code reply}).
 */
public class TapMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Timer toErpCommand;
    private final Timer toReply;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public TapMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("scenario.tap.duplicates")
                .description("taps seen again (Meta or Kafka redelivery): nothing done twice").register(registry);
        this.toErpCommand = latency("erp");
        this.toReply = latency("reply");
    }

    private Timer latency(String kind) {
        return Timer.builder("scenario.tap.to.command").tag("kind", kind)
                .description("from the tap on whatsapp.inbound.messages to Kafka's acknowledgement of the command")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void record(Plan plan, Instant acknowledged) {
        counter("scenario.taps", plan.action(), plan.outcome().name().toLowerCase()).increment();
        if (plan.outcome() == TapOutcome.STALE) {
            counter("scenario.stale.taps", plan.action(), null).increment();
        }
        Instant received = plan.tap().receivedAt();
        if (received == null || plan.records().isEmpty()) {
            return;
        }
        Duration elapsed = Duration.between(received, acknowledged);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        boolean erp = false;
        for (TopicRecord record : plan.records()) {
            erp |= record instanceof ConfirmSalesOrder || record instanceof CancelSalesOrder;
        }
        (erp ? toErpCommand : toReply).record(elapsed);
    }

    private Counter counter(String name, String action, String outcome) {
        String key = name + '\u0000' + action + '\u0000' + outcome;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).tag("action", action);
            if (outcome != null) {
                builder.tag("outcome", outcome);
            }
            return builder.register(registry);
        });
    }
}
