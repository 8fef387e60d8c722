package io.wabiz.odoo.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code odoo}: OUT_OF_SERVICE while paused (a key or a right to fix: the alert
 * is the {@code odoo_connector_paused} metric), UP otherwise, with Odoo's reachability in the details. It is not in
 * the readiness group: a paused connector still receives webhooks and keeps its commands.
 */
public final class OdooHealthIndicator implements HealthIndicator {

    private final ConnectorState state;

    public OdooHealthIndicator(ConnectorState state) {
        this.state = state;
    }

    @Override
    public Health health() {
        ConnectorState.Pause pause = state.pause();
        Health.Builder health = pause != null ? Health.outOfService().withDetail("pausedSince", pause.since())
                .withDetail("reason", pause.reason()).withDetail("fault", pause.fault()) : Health.up();
        if (state.unreachableSince() != null) {
            health.withDetail("unreachableSince", state.unreachableSince())
                    .withDetail("lastFailure", state.lastUnreachable());
        }
        return health.build();
    }
}
