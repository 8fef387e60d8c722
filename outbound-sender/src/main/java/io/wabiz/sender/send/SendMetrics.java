package io.wabiz.sender.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.sender.graph.MetaErrors.Verdict;
import java.time.Duration;
import java.util.Locale;

/** The sender's counters and timers, by business number (the README's "Metrics" lists them). */
public final class SendMetrics {

    private final MeterRegistry meters;

    public SendMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    MeterRegistry registry() {
        return meters;
    }

    void rateWaited(String number, Duration waited) {
        meters.timer("sender.rate.wait", "number", number).record(waited);
        if (waited.toMillis() > 0) {
            meters.counter("sender.rate.limited.waits", "number", number).increment();
        }
    }

    void retried(String number, Verdict verdict) {
        meters.counter("sender.retries", "number", number, "reason", verdict.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    void sent(String number, SendForm form) {
        meters.counter("sender.messages.sent", "number", number, "form", form.name()).increment();
    }

    void rejected(String number, int code) {
        meters.counter("sender.messages.rejected", "number", number, "code", String.valueOf(code)).increment();
    }

    void accountAlert(String number, int code) {
        meters.counter("sender.account.alerts", "number", number, "code", String.valueOf(code)).increment();
    }

    void outcomeReplayed(String number) {
        meters.counter("sender.outcome.replayed", "number", number).increment();
    }

    void outcomeUnknown(String number) {
        meters.counter("sender.outcome.unknown", "number", number).increment();
    }

    void outcomeReconciled(String number) {
        meters.counter("sender.outcome.reconciled", "number", number).increment();
    }

    void outcomeUnresolved(String number) {
        meters.counter("sender.outcome.unresolved", "number", number).increment();
    }
}
