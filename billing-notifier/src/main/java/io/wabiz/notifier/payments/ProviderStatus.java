package io.wabiz.notifier.payments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider's answer about one session.
 *
 * @param rawStatus     the provider's own words, for logs ({@code complete/succeeded}, {@code SUCCESS})
 * @param paidAmount    what was paid, when {@link Status#SUCCEEDED}
 * @param transactionId the provider's transaction id, when paid: the dedup key of the payment
 */
public record ProviderStatus(Status status, String rawStatus, BigDecimal paidAmount, String currency,
                             String transactionId, Instant paidAt, String lastErrorCode) {

    public static ProviderStatus unknown(String why) {
        return new ProviderStatus(Status.UNKNOWN, why, null, null, null, null, null);
    }

    /** Normalised session states; an unseen raw value is {@link #UNKNOWN}, never an exception. */
    public enum Status {
        PENDING,
        SUCCEEDED,
        /** The last attempt failed; the customer may try again on the same session. */
        FAILED_RETRYABLE,
        FAILED_FINAL,
        EXPIRED,
        REFUNDED,
        UNKNOWN;

        /** Whether the session can no longer be paid. */
        public boolean closed() {
            return this == SUCCEEDED || this == FAILED_FINAL || this == EXPIRED || this == REFUNDED;
        }
    }
}
