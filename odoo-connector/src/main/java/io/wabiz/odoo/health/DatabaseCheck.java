package io.wabiz.odoo.health;

import io.wabiz.odoo.api.StatusController;
import io.wabiz.odoo.sync.OdooCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, and again on demand: the Odoo release, the login, and the {@code x_whatsapp_*} custom fields the flags
 * need (missing ones are reported; their writes would fail with Odoo's "Invalid field").
 */
public final class DatabaseCheck implements StatusController.StartupCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCheck.class);

    /** The flags the connector writes, per model (with their {@code _date}). */
    public static final Map<String, List<String>> FLAGS = Map.of(
            "sale.order", List.of("x_whatsapp_creation_sent", "x_whatsapp_details_sent",
                    "x_whatsapp_confirmation_sent", "x_whatsapp_validated"),
            "account.move", List.of("x_whatsapp_invoice_sent", "x_whatsapp_details_sent", "x_whatsapp_residual_sent",
                    "x_whatsapp_unpaid_reminder_sent"));

    private final OdooCatalog catalog;
    private volatile String version = "unknown";
    private volatile Map<String, List<String>> missing = Map.of();

    public DatabaseCheck(OdooCatalog catalog) {
        this.catalog = catalog;
    }

    public void run() {
        try {
            version = catalog.version().toString();
            Map<String, List<String>> absent = new LinkedHashMap<>();
            FLAGS.forEach((model, flags) -> {
                List<String> gone = new ArrayList<>();
                for (String flag : flags) {
                    for (String field : List.of(flag, flag + "_date")) {
                        if (!catalog.has(model, field)) {
                            gone.add(field);
                        }
                    }
                }
                if (!gone.isEmpty()) {
                    absent.put(model, gone);
                }
            });
            missing = absent;
            log.info("Odoo {}; custom fields {}", version, absent.isEmpty() ? "all present"
                    : "missing: " + absent + " (install odoo-connector/odoo-addon or create them, see the README)");
        } catch (RuntimeException e) {
            log.warn("Could not check the Odoo database at start: {}", e.getMessage());
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Map<String, List<String>> missingFields() {
        return missing;
    }
}
