package io.wabiz.reminders.messages;

import io.wabiz.reminders.invoices.OpenInvoice;
import java.util.Optional;

/**
 * The invoice links a reminder carries: the platform's stable payment page {@code /pay/{token}} (served by the
 * billing-notifier, which asks the payment provider for a session for the current residual when it is opened),
 * and, for levels that attach the invoice, its document link.
 */
public interface InvoiceLinks {

    /** The invoice's payment link; the same for every reminder of the invoice. */
    String paymentLink(OpenInvoice invoice);

    /** A link to the invoice's PDF, when document links are configured. */
    Optional<String> documentLink(OpenInvoice invoice);

    /** Whether {@link #documentLink} gives links at all (levels that attach the invoice need them). */
    boolean documents();
}
