package io.wabiz.scenarioengine.orders;

import io.wabiz.events.erp.PaymentState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What the engine knows of an invoice, from {@code erp.invoices}. */
public record InvoiceView(String invoiceId, String number, String partnerId, boolean cancelled,
                          PaymentState paymentState, BigDecimal amountTotal, BigDecimal amountResidual,
                          String currency, LocalDate invoiceDate, LocalDate dueDate, String version, String companyId,
                          Instant eventAt) {

    /** Still to be paid: not cancelled, not paid, something left. */
    public boolean isOpen() {
        return !cancelled && paymentState != PaymentState.PAID && paymentState != PaymentState.IN_PAYMENT
                && paymentState != PaymentState.REVERSED
                && amountResidual != null && amountResidual.signum() > 0;
    }

    public boolean isPaid() {
        return !cancelled && (paymentState == PaymentState.PAID || paymentState == PaymentState.IN_PAYMENT
                || (amountResidual != null && amountResidual.signum() == 0));
    }
}
