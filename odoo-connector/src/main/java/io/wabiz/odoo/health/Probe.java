package io.wabiz.odoo.health;

import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the connector is paused, tries Odoo now and then: the login, then a read of one order. When both pass (a new
 * key was set, the right granted), the connector resumes by itself.
 */
public final class Probe {

    private static final Logger log = LoggerFactory.getLogger(Probe.class);

    private final Odoo odoo;

    public Probe(Odoo odoo) {
        this.odoo = odoo;
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
