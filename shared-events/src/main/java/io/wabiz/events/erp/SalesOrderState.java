package io.wabiz.events.erp;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Odoo's order states (draft, sent, sale, done, cancel), with UNKNOWN for what another ERP adds. */
public enum SalesOrderState {
    QUOTATION, QUOTATION_SENT, CONFIRMED, LOCKED, CANCELLED, @JsonEnumDefaultValue UNKNOWN;

    /** A customer can still confirm or cancel the order from WhatsApp. */
    public boolean awaitsCustomer() {
        return this == QUOTATION || this == QUOTATION_SENT;
    }
}
