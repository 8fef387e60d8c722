package io.wabiz.notifier.pdf;

import io.wabiz.events.erp.Invoice;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything an invoice PDF shows.
 *
 * @param customerLines the customer's address or contact lines under their name; may be empty
 * @param paymentLink   the platform's stable payment link, printed and as a QR code; null when there is none
 *                      (no provider, or nothing left to pay)
 * @param locale        the reader's language (labels, amounts, dates)
 */
public record InvoicePdfRequest(Invoice invoice, Letterhead company, List<String> customerLines, String paymentLink,
                                Locale locale) {

    public InvoicePdfRequest {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(company, "company");
        customerLines = customerLines == null ? List.of() : List.copyOf(customerLines);
        locale = locale == null ? Locale.FRENCH : locale;
    }

    /** The file name the customer sees: the invoice number with characters a phone's file system refuses replaced. */
    public String filename() {
        String number = invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
        return number.replaceAll("[\\\\/:*?\"<>|\\s]+", "-") + ".pdf";
    }
}
