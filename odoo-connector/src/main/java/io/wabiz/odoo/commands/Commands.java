package io.wabiz.odoo.commands;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Helpers the command flows share: the Odoo id in a platform document id, UTC datetimes. */
final class Commands {

    private Commands() {
    }

    /** {@code sale.order/23} → 23; anything else is a command the connector cannot apply. */
    static long odooId(String documentId, String model) {
        String prefix = model + "/";
        if (documentId == null || !documentId.startsWith(prefix)) {
            throw new IllegalArgumentException("expected a " + model + " id such as " + prefix + "42, got " + documentId);
        }
        try {
            return Long.parseLong(documentId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a " + model + " id such as " + prefix + "42, got " + documentId);
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0);
    }
}
