package io.wabiz.odoo.sync;

/** The Odoo models the connector follows, and the key of their watermarks. */
public enum SyncedModel {
    PARTNERS("res.partner"), ORDERS("sale.order"), INVOICES("account.move");

    private final String model;

    SyncedModel(String model) {
        this.model = model;
    }

    public String model() {
        return model;
    }

    public static SyncedModel of(String model) {
        for (SyncedModel synced : values()) {
            if (synced.model.equals(model)) {
                return synced;
            }
        }
        return null;
    }
}
