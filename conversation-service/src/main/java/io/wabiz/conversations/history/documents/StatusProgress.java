package io.wabiz.conversations.history.documents;

import io.wabiz.events.whatsapp.DeliveryStatus;

/**
 * A total order of delivery statuses, stored as a number so that MongoDB's {@code $max} keeps the
 * furthest status whatever order the records arrive in: pending &lt; sent &lt; delivered &lt; read &lt;
 * failed &lt; deleted. It agrees with {@link DeliveryStatus#advances}: failed is final, and a late
 * "delivered" never undoes "read".
 */
public final class StatusProgress {

    private StatusProgress() {
    }

    public static int rank(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED -> 4;
            case DELETED -> 5;
        };
    }

    public static DeliveryStatus ofRank(Integer rank) {
        if (rank == null) {
            return null;
        }
        return switch (rank) {
            case 0 -> DeliveryStatus.PENDING;
            case 1 -> DeliveryStatus.SENT;
            case 2 -> DeliveryStatus.DELIVERED;
            case 3 -> DeliveryStatus.READ;
            case 4 -> DeliveryStatus.FAILED;
            case 5 -> DeliveryStatus.DELETED;
            default -> throw new IllegalArgumentException("no delivery status has rank " + rank);
        };
    }

    /** Whether a status arriving while the message stands at {@code currentRank} moves it forward. */
    public static boolean advances(DeliveryStatus arriving, Integer currentRank) {
        return currentRank == null || rank(arriving) > currentRank;
    }
}
