package io.wabiz.events.erp;

import io.wabiz.events.Immutables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer invoice as the ERP last saw it.
 *
 * @param paymentReference the reference the customer quotes when paying
 * @param payments         the payments applied so far
 */
public record Invoice(String invoiceId, String number, String partnerId, String partnerName, LocalDate invoiceDate,
                      LocalDate dueDate, String currency, BigDecimal amountUntaxed, BigDecimal amountTax,
                      BigDecimal amountTotal, BigDecimal amountResidual, PaymentState paymentState,
                      String paymentReference, String originOrderNumber, List<DocumentLine> lines,
                      List<Payment> payments) {

    public Invoice {
        lines = Immutables.list(lines);
        payments = Immutables.list(payments);
    }
}
