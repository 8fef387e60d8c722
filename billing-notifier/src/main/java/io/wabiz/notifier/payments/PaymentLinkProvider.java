package io.wabiz.notifier.payments;

import java.util.Optional;
import java.util.Set;

/**
 * A payment provider that sells checkout sessions: Wave Checkout, Orange Money Web Payment, the local stack's
 * simulator, and whatever comes next (Paystack, Stripe) without the flows changing. An adapter speaks its
 * provider's HTTP, classifies every answer (definitely refused, or outcome unknown), and never logs a secret.
 * Callbacks are hints: the platform always re-reads the session with {@link #fetchStatus} before it believes a
 * payment.
 */
public interface PaymentLinkProvider {

    /** Stable id, used in URLs, button ids and {@code PaymentReceived.provider}: {@code wave}, {@code orange-money}. */
    String id();

    /** What the customer reads on a button: {@code Wave}, {@code Orange Money}. */
    String displayName();

    /** ISO 4217 codes this account can charge in. */
    Set<String> currencies();

    /** Opens a session for {@code request.amount()}; nothing is charged until the customer confirms. */
    SessionOutcome createSession(SessionRequest request);

    /** The provider's current view of a session: its status, and when paid what and under which transaction. */
    ProviderStatus fetchStatus(ProviderSession session);

    /**
     * The session created earlier under {@code merchantReference}, for a create whose answer was lost; empty when
     * there is none or the provider cannot search (then a new reference is used, never the same one twice).
     */
    default Optional<SessionOutcome.Created> findByReference(String merchantReference) {
        return Optional.empty();
    }

    /** Closes an open session (the invoice was cancelled or paid otherwise); best effort. */
    default void expire(ProviderSession session) {
    }

    /** Checks that a callback comes from the provider (signature, shared secret, or a token only it knows). */
    CallbackVerdict verifyCallback(InboundCallback callback);
}
