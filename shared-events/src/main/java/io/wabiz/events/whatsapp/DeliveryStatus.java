package io.wabiz.events.whatsapp;

/** Where a message we sent stands. Statuses only move forward: sent &lt; delivered &lt; read; failed is final. */
public enum DeliveryStatus {
    PENDING(0), SENT(1), DELIVERED(2), READ(3), FAILED(4), DELETED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** True when moving from {@code current} to this status is progress, not a late or duplicate update. */
    public boolean advances(DeliveryStatus current) {
        return current == null || rank > current.rank;
    }

    public boolean isFinal() {
        return this == FAILED || this == DELETED;
    }
}
