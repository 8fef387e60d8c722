package io.wabiz.odoo.sync;

import java.math.BigDecimal;

/**
 * A record as one read saw it, mapped: what decides whether an event is due.
 *
 * @param documentId  the platform's id, such as {@code sale.order/23}
 * @param writeDate   Odoo's {@code write_date} as read (UTC, whole seconds)
 * @param fingerprint a digest of the mapped document without its version: equal means nothing the platform sees
 *                    changed (a write of our own {@code x_whatsapp_*} flags, for instance)
 * @param state       the state the platform sees (orders: the {@code SalesOrderState}; invoices: Odoo's state)
 * @param odooState   Odoo's own {@code state} as read, to compare with a webhook's
 * @param companyId   the Odoo company, or null (shared partners)
 * @param document    the mapped document, built again with its version when an event is due
 */
public record Snapshot(String documentId, long odooId, String writeDate, String fingerprint, String state,
                       String odooState,
                       BigDecimal residual, String paymentState, Long companyId, Versioned document) {

    /** A mapped document that can be stamped with its version. */
    public interface Versioned {
        Object withVersion(String version);
    }
}
