package io.wabiz.odoo.health;

import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the connector is paused, tries Odoo now and then: the login, then a read of one order. When both pass (a new
 * key was set, the right granted), the connector resumes by itself. Each refused try counts as a failed login for
 * Odoo (five from one address and it refuses that address for a minute, other users included), so the tries space
 * out: the probe interval, then twice as long after each refusal, up to 16 times the interval.
 */
public final class Probe {

    private static final Logger log = LoggerFactory.getLogger(Probe.class);
    private static final int MAX_SPACING = 16;

    private final Odoo odoo;
    private int refusals;
    private int skipped;

    public Probe(Odoo odoo) {
        this.odoo = odoo;
    }

    /** The scheduled try: skipped while the spacing after refusals is not over. */
    public synchronized void scheduledTry() {
        if (!odoo.state().paused()) {
            refusals = 0;
            skipped = 0;
            return;
        }
        int spacing = Math.min(MAX_SPACING, 1 << Math.min(refusals, 4));
        if (++skipped < spacing) {
            return;
        }
        skipped = 0;
        if (!tryResume()) {
            refusals++;
        }
    }

    /** @return true when the connector runs (it was not paused, or it resumed now) */
    public boolean tryResume() {
        ConnectorState state = odoo.state();
        if (!state.paused()) {
            return true;
        }
        try {
            boolean loggedIn = odoo.probe(() -> odoo.client().authenticate().isPresent());
            if (!loggedIn) {
                log.info("Still paused: Odoo refuses the login and its API key");
                return false;
            }
            odoo.probe(() -> odoo.client().execute("sale.order", "search_count", List.of(List.of()),
                    Map.of("limit", 1)));
            state.resume("the probe could log in and read");
            return true;
        } catch (OdooFault | OdooUnavailable e) {
            log.info("Still paused: {}", e.getMessage());
            return false;
        }
    }
}
