package io.wabiz.notifier.payments;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** What became of a request to a provider: created, definitely refused, or not known (timeout, 5xx, 429). */
public sealed interface SessionOutcome {

    /**
     * @param providerRef the provider's id of the session ({@code cos-…} for Wave, the {@code pay_token} for Orange)
     * @param payUrl      where to send the customer's browser
     * @param expiresAt   when the provider closes it; null when the provider does not say
     * @param secrets     what later calls or callbacks need and only we may know (Orange's {@code notif_token});
     *                    stored with the session, never logged
     */
    record Created(String providerRef, URI payUrl, Instant expiresAt, Map<String, String> secrets)
            implements SessionOutcome {
        public Created {
            secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "Created[" + providerRef + ", expires " + expiresAt + ", " + secrets.size() + " secrets]";
        }
    }

    /** The provider refused: nothing was created, the same request would be refused again. */
    record Rejected(String code, String message) implements SessionOutcome {
    }

    /** The request may or may not have created a session. */
    record Unknown(String cause) implements SessionOutcome {
    }
}
