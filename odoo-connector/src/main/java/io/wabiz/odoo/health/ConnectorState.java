package io.wabiz.odoo.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the connector may talk to Odoo. An expired or revoked key, or a missing right, pauses it: nothing is
 * polled and commands wait (they are not acknowledged) until a probe or an administrator resumes it, so that a
 * broken key does not hammer Odoo into its login cooldown. Odoo being unreachable is tracked separately: the
 * connector keeps trying with backoff.
 *
 * <p>Metrics: {@code odoo.connector.paused} (1 while paused: the alert), {@code odoo.connector.reachable} (0 since
 * the last call failed to reach Odoo), {@code odoo.connector.faults{kind}}.
 */
public final class ConnectorState {

    private static final Logger log = LoggerFactory.getLogger(ConnectorState.class);

    /** Why the connector is paused, since when, by which call. */
    public record Pause(String reason, String fault, Instant since) {
    }

    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicReference<Pause> pause = new AtomicReference<>();
    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();
    private volatile String lastUnreachable;

    public ConnectorState(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
        meters.gauge("odoo.connector.paused", pause, p -> p.get() == null ? 0 : 1);
        meters.gauge("odoo.connector.reachable", unreachableSince, u -> u.get() == null ? 1 : 0);
    }

    public boolean paused() {
        return pause.get() != null;
    }

    public Pause pause() {
        return pause.get();
    }

    public Instant unreachableSince() {
        return unreachableSince.get();
    }

    public String lastUnreachable() {
        return lastUnreachable;
    }

    /** Records what a failed call means: a pause for rights and keys, "unreachable" for transport failures. */
    public void failed(RuntimeException failure) {
        if (failure instanceof OdooFault fault) {
            meters.counter("odoo.connector.faults", "kind", fault.kind().name()).increment();
            if (fault.kind() == OdooFault.Kind.AUTHENTICATION || fault.kind() == OdooFault.Kind.AUTHORIZATION) {
                Pause next = new Pause(fault.kind() == OdooFault.Kind.AUTHENTICATION
                        ? "Odoo refused the API key (revoked, expired or wrong) or the user is inactive: create a new key "
                        + "and set ODOO_CONNECTION_API_KEY, then resume"
                        : "The Odoo user lacks a right: grant it in Odoo (Settings, Users), then resume",
                        fault.describe(), clock.instant());
                if (pause.compareAndSet(null, next)) {
                    log.error("Connector paused: {} ({})", next.reason(), next.fault());
                }
            }
        } else if (failure instanceof OdooUnavailable unavailable) {
            meters.counter("odoo.connector.faults", "kind", "UNREACHABLE").increment();
            lastUnreachable = unavailable.getMessage();
            if (unreachableSince.compareAndSet(null, clock.instant())) {
                log.warn("Odoo unreachable: {}", unavailable.getMessage());
            }
        }
    }

    /** A call went through: Odoo is reachable (a pause stays until a probe or an administrator lifts it). */
    public void succeeded() {
        Instant since = unreachableSince.getAndSet(null);
        if (since != null) {
            log.info("Odoo reachable again (unreachable since {})", since);
        }
    }

    public void resume(String why) {
        Pause was = pause.getAndSet(null);
        if (was != null) {
            log.info("Connector resumed ({}); it was paused since {}: {}", why, was.since(), was.fault());
        }
    }
}
