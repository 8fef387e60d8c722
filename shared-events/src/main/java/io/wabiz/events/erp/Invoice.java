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
 * @param companyId        the ERP company the invoice belongs to: it chooses the business number that speaks for it
 * @param version          the invoice's version in the ERP (revision or write date, letters and digits)
 * @param inDispute        the customer disputes the invoice (no reminders while it is); null means no
 * @param taxes            the tax amounts by tax, as the ERP grouped them; may be empty
 */
public record Invoice(String invoiceId, String number, String partnerId, String partnerName, LocalDate invoiceDate,
                      LocalDate dueDate, String currency, BigDecimal amountUntaxed, BigDecimal amountTax,
                      BigDecimal amountTotal, BigDecimal amountResidual, PaymentState paymentState,
                      String paymentReference, String originOrderNumber, List<DocumentLine> lines,
                      List<Payment> payments, String companyId, String version, Boolean inDispute,
                      List<TaxAmount> taxes) {

    public Invoice {
        lines = Immutables.list(lines);
        payments = Immutables.list(payments);
        taxes = Immutables.list(taxes);
    }

    /** The form before the company, the version, the dispute flag and the taxes were added. */
    public Invoice(String invoiceId, String number, String partnerId, String partnerName, LocalDate invoiceDate,
                   LocalDate dueDate, String currency, BigDecimal amountUntaxed, BigDecimal amountTax,
                   BigDecimal amountTotal, BigDecimal amountResidual, PaymentState paymentState,
                   String paymentReference, String originOrderNumber, List<DocumentLine> lines,
                   List<Payment> payments) {
        this(invoiceId, number, partnerId, partnerName, invoiceDate, dueDate, currency, amountUntaxed, amountTax,
                amountTotal, amountResidual, paymentState, paymentReference, originOrderNumber, lines, payments,
                null, null, null, List.of());
    }

    public boolean disputed() {
        return Boolean.TRUE.equals(inDispute);
    }

    /** One tax line of the invoice's totals, such as {@code TVA 18%: 18 000}. */
    public record TaxAmount(String name, BigDecimal base, BigDecimal amount) {
    }
}
