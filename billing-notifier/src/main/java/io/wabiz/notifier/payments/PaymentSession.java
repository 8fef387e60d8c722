package io.wabiz.notifier.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One checkout session we asked a provider for: for which invoice, how much, where to send the customer, until
 * when, and what only we know of it (never logged).
 *
 * @param reference our merchant reference (Wave {@code client_reference}, Orange {@code order_id}), unique
 */
@Document(PaymentSession.COLLECTION)
public record PaymentSession(@Id String reference, String invoiceId, String provider, String providerRef,
                             BigDecimal amount, String currency, String payUrl, Instant expiresAt,
                             Map<String, String> secrets, State state, Instant createdAt) {

    public static final String COLLECTION = "payment_sessions";

    public enum State {
        /** Asked for, no answer yet. */
        CREATING,
        OPEN,
        /** The create's outcome is unknown and the provider cannot be searched: never reused. */
        UNKNOWN,
        PAID,
        /** Expired, failed or refused: never reused. */
        CLOSED
    }

    public PaymentSession {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    public ProviderSession providerSession() {
        return new ProviderSession(reference, providerRef, amount, currency, secrets);
    }

    @Override
    public String toString() {
        return "PaymentSession[" + reference + ", " + invoiceId + ", " + provider + ", " + amount + " " + currency
                + ", " + state + "]";
    }
}
