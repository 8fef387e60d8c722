package io.wabiz.odoosim.faults;

import java.time.Duration;
import java.util.List;

/**
 * A failure the stand-in plays on {@code /jsonrpc} calls, for tests and rehearsals of an unreliable Odoo.
 *
 * @param kind      what happens
 * @param delay     for {@link Kind#SLOW}: how long the answer waits
 * @param afterWork for {@link Kind#SLOW}: the call runs (and commits) first, then the answer waits, as when a
 *                  proxy times out on a call Odoo finished; otherwise the wait comes first
 * @param message   for {@link Kind#USER_ERROR}: the error's text
 * @param remaining how many calls it hits before it clears itself; null: until cleared
 * @param methods   only calls of these {@code execute_kw} methods (or {@code common.*} method names); empty: all
 * @param models    only calls on these models; empty: all
 */
public record Fault(Kind kind, Duration delay, Boolean afterWork, String message, Integer remaining,
                    List<String> methods, List<String> models) {

    public enum Kind {
        /** a reverse proxy's {@code 502 Bad Gateway} page: Odoo is down behind nginx */
        BAD_GATEWAY,
        /** {@code 503 Service Unavailable}: Odoo.sh or a proxy during maintenance */
        UNAVAILABLE,
        /** the connection closes before the answer is complete */
        DROP_CONNECTION,
        /** the answer comes late (beyond the client's timeout) */
        SLOW,
        /** {@code psycopg2.errors.SerializationFailure} left over after Odoo's own five retries */
        SERIALIZATION_FAILURE,
        /** {@code odoo.exceptions.AccessDenied}: the key was revoked or has expired (18) */
        ACCESS_DENIED,
        /** {@code odoo.exceptions.AccessError}: the user lost a right */
        ACCESS_ERROR,
        /** {@code odoo.exceptions.UserError} with {@code message} */
        USER_ERROR
    }

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind: " + List.of(Kind.values()));
        }
        delay = delay == null ? Duration.ofSeconds(30) : delay;
        afterWork = Boolean.TRUE.equals(afterWork);
        methods = methods == null ? List.of() : List.copyOf(methods);
        models = models == null ? List.of() : List.copyOf(models);
        if (remaining != null && remaining < 1) {
            throw new IllegalArgumentException("remaining must be at least 1 (or absent: until cleared)");
        }
    }

    public boolean applies(String method, String model) {
        return (methods.isEmpty() || methods.contains(method)) && (models.isEmpty() || model != null
                && models.contains(model));
    }
}
