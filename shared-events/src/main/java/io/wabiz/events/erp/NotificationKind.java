package io.wabiz.events.erp;

/**
 * The notifications the ERP keeps a flag and a date for (the Odoo module's {@code x_whatsapp_*_sent}).
 */
public enum NotificationKind {
    ORDER_CREATED("x_whatsapp_creation_sent"),
    ORDER_DETAILS("x_whatsapp_details_sent"),
    ORDER_CONFIRMATION("x_whatsapp_confirmation_sent"),
    INVOICE("x_whatsapp_invoice_sent"),
    INVOICE_DETAILS("x_whatsapp_details_sent"),
    RESIDUAL("x_whatsapp_residual_sent"),
    UNPAID_REMINDER("x_whatsapp_unpaid_reminder_sent");

    private final String erpFlag;

    NotificationKind(String erpFlag) {
        this.erpFlag = erpFlag;
    }

    /** The ERP field this notification sets (its date field is the same name with {@code _date}). */
    public String erpFlag() {
        return erpFlag;
    }
}
