package io.wabiz.notifier;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.Payment;
import io.wabiz.events.erp.PaymentState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Invoices as Odoo posts them, with French, Wolof and Arabic product names. */
public final class InvoiceSamples {

    /** Product names a Dakar hardware store and grocer print: accents, Wolof letters, Arabic. */
    public static final List<String> PRODUCTS = List.of(
            "Ciment CPJ 45 (sac 50 kg)", "Fer à béton 10 mm", "Thiéboudienne — riz brisé parfumé",
            "Ñambi (manioc) séché", "Bissap rouge de Kaolack", "تمر مجهول", "Café Touba moulu",
            "Ëttu këriñ (charbon) 25 kg", "Huile d'arachide raffinée 5 L", "Pâte d'arachide Ŋaari");

    private InvoiceSamples() {
    }

    /** A posted invoice of {@code lineCount} lines in XOF with 18% VAT, nothing paid yet. */
    public static Invoice invoice(String id, int lineCount) {
        return invoice(id, lineCount, "res.partner/42");
    }

    /** The same for another partner. */
    public static Invoice invoice(String id, int lineCount, String partnerId) {
        List<DocumentLine> lines = new ArrayList<>();
        BigDecimal untaxed = BigDecimal.ZERO;
        for (int i = 0; i < lineCount; i++) {
            BigDecimal quantity = BigDecimal.valueOf(1 + i % 7);
            BigDecimal unitPrice = BigDecimal.valueOf(1_500L + 250L * (i % 13));
            BigDecimal discount = i % 4 == 3 ? BigDecimal.TEN : BigDecimal.ZERO;
            BigDecimal subtotal = quantity.multiply(unitPrice)
                    .multiply(BigDecimal.valueOf(100).subtract(discount)).divide(BigDecimal.valueOf(100));
            untaxed = untaxed.add(subtotal);
            String name = PRODUCTS.get(i % PRODUCTS.size()) + (lineCount > PRODUCTS.size() ? " #" + (i + 1) : "");
            lines.add(new DocumentLine("product.product/" + (100 + i), name, i % 3 == 0 ? "Lot " + (i + 1) : null,
                    quantity, i % 2 == 0 ? "sac" : "u", unitPrice, discount, subtotal));
        }
        BigDecimal tax = untaxed.multiply(new BigDecimal("0.18")).setScale(0, java.math.RoundingMode.HALF_UP);
        BigDecimal total = untaxed.add(tax);
        return new Invoice(id, "INV/2026/" + id.replaceAll("\\D", ""), partnerId,
                "Quincaillerie Ndiaye & Fils", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), "XOF",
                untaxed, tax, total, total, PaymentState.NOT_PAID, "INV/2026/" + id.replaceAll("\\D", ""), "S01207",
                lines, List.of(), "res.company/1", "20261124091502", false,
                List.of(new Invoice.TaxAmount("TVA 18%", untaxed, tax)));
    }

    /** The invoice with another total (and residual), as a one-line invoice of that amount would be. */
    public static Invoice withTotal(Invoice invoice, BigDecimal total) {
        return new Invoice(invoice.invoiceId(), invoice.number(), invoice.partnerId(), invoice.partnerName(),
                invoice.invoiceDate(), invoice.dueDate(), invoice.currency(), total, BigDecimal.ZERO, total, total,
                PaymentState.NOT_PAID, invoice.paymentReference(), invoice.originOrderNumber(), invoice.lines(),
                List.of(), invoice.companyId(), invoice.version(), invoice.inDispute(), List.of());
    }

    /** The same invoice after a payment brought its residual to {@code residual}. */
    public static Invoice withResidual(Invoice invoice, BigDecimal residual, String version) {
        BigDecimal paid = invoice.amountTotal().subtract(residual);
        List<Payment> payments = paid.signum() == 0 ? List.of()
                : List.of(new Payment("WAVE-T123", paid, LocalDate.of(2026, 11, 30), "Wave"));
        return new Invoice(invoice.invoiceId(), invoice.number(), invoice.partnerId(), invoice.partnerName(),
                invoice.invoiceDate(), invoice.dueDate(), invoice.currency(), invoice.amountUntaxed(),
                invoice.amountTax(), invoice.amountTotal(), residual,
                residual.signum() == 0 ? PaymentState.PAID : PaymentState.PARTIAL, invoice.paymentReference(),
                invoice.originOrderNumber(), invoice.lines(), payments, invoice.companyId(), version,
                invoice.inDispute(), invoice.taxes());
    }
}
