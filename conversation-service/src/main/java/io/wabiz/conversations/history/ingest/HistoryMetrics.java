package io.wabiz.conversations.history.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.store.Outcome;

/**
 * Counts what the consumed records did: {@code conversations.messages.stored} (by direction),
 * {@code conversations.duplicates.ignored} (by record type) and {@code conversations.statuses.out.of.order}
 * (early: before their message; late: behind a further status), {@code conversations.handoffs.requested}
 * (customers who asked for staff; repeated requests among the duplicates).
 */
public class HistoryMetrics {

    private final MeterRegistry registry;

    public HistoryMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered at zero, so that dashboards and alerts see them before the first record
        for (Direction direction : Direction.values()) {
            registry.counter("conversations.messages.stored", "direction", direction.name());
        }
        for (String record : new String[] {"InboundMessageReceived", "MessageStatusChanged", "MessageAccepted",
                "MessageRejected", "MessageOutcomeUnresolved", "BusinessMessageEchoed", "HandOffRequested"}) {
            registry.counter("conversations.duplicates.ignored", "record", record);
        }
        registry.counter("conversations.handoffs.requested");
        registry.counter("conversations.statuses.out.of.order", "kind", "early");
        registry.counter("conversations.statuses.out.of.order", "kind", "late");
    }

    /** A hand-off stored (STORED) or already known (DUPLICATE). */
    public void handOff(Outcome outcome) {
        if (outcome == Outcome.STORED) {
            registry.counter("conversations.handoffs.requested").increment();
        } else {
            count("HandOffRequested", Direction.INBOUND, outcome);
        }
    }

    public void count(String recordType, Direction direction, Outcome outcome) {
        switch (outcome) {
            case STORED -> registry.counter("conversations.messages.stored", "direction", direction.name()).increment();
            case DUPLICATE -> registry.counter("conversations.duplicates.ignored", "record", recordType).increment();
            case EARLY, LATE -> registry.counter("conversations.statuses.out.of.order",
                    "kind", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
            case ADVANCED -> registry.counter("conversations.statuses.applied").increment();
        }
    }
}
