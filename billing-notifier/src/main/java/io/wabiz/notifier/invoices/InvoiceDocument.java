package io.wabiz.notifier.invoices;

import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.PaymentState;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The notifier's projection of one invoice: its newest version, whether it was cancelled, and the version at which
 * it was posted (the key of its one "here is your invoice" message).
 *
 * @param invoiceAt     when the ERP changed the invoice to the stored version
 * @param postedVersion the version the first {@code InvoicePosted} carried; null until the invoice is posted
 * @param previousResidual what was left to pay before the latest change (a partial payment's size)
 */
@Document(InvoiceDocument.COLLECTION)
public record InvoiceDocument(@Id String id, Invoice invoice, Instant invoiceAt, boolean cancelled,
                              String postedVersion, Instant postedAt, BigDecimal previousResidual) {

    public static final String COLLECTION = "invoices";

    /** What the customer can still do with the invoice. */
    public enum Status { OPEN, PAID, CANCELLED }

    public Status status() {
        if (cancelled) {
            return Status.CANCELLED;
        }
        return residual().signum() <= 0 || invoice.paymentState() == PaymentState.PAID ? Status.PAID : Status.OPEN;
    }

    /** What is left to pay (the total when the ERP gave no residual). */
    public BigDecimal residual() {
        return invoice.amountResidual() != null ? invoice.amountResidual() : invoice.amountTotal();
    }

    public String version() {
        return invoice.version() == null || invoice.version().isBlank() ? "0" : invoice.version();
    }
}
