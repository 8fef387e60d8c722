package io.wabiz.reminders.invoices;

import io.wabiz.events.erp.PaymentState;
import java.math.BigDecimal;

/** Whether an invoice is still owed, as far as reminders are concerned. */
public enum InvoiceStatus {
    /** Not paid or partly paid, with a residual: reminders may go out. */
    OPEN,
    /** Paid, in payment (registered, not yet reconciled) or nothing left to pay. */
    PAID,
    /** Cancelled, or reversed by a credit note. */
    CANCELLED,
    /** A payment state this service does not know: no reminder until the ERP says more. */
    STATE_UNKNOWN;

    /** The status of an invoice from its payment state and residual (events that are not a payment or a cancel). */
    public static InvoiceStatus of(PaymentState state, BigDecimal residual) {
        if (state == PaymentState.REVERSED) {
            return CANCELLED;
        }
        if (state == PaymentState.PAID || state == PaymentState.IN_PAYMENT
                || (residual != null && residual.signum() <= 0)) {
            return PAID;
        }
        if (state == PaymentState.NOT_PAID || state == PaymentState.PARTIAL) {
            return OPEN;
        }
        return STATE_UNKNOWN;
    }
}
