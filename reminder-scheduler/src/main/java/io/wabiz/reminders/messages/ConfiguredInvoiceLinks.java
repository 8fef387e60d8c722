package io.wabiz.reminders.messages;

import java.util.Objects;
import java.util.Optional;

/** Links under configured base URLs: {@code {paymentBaseUrl}/{token}}, {@code {documentBaseUrl}/{token}}. */
public final class ConfiguredInvoiceLinks implements InvoiceLinks {

    private final String paymentBaseUrl;
    private final String documentBaseUrl;
    private final LinkTokens tokens;

    /**
     * @param paymentBaseUrl  such as {@code https://pay.example.sn/pay}
     * @param documentBaseUrl such as {@code https://pay.example.sn/documents}; null when invoices are not attached
     */
    public ConfiguredInvoiceLinks(String paymentBaseUrl, String documentBaseUrl, LinkTokens tokens) {
        this.paymentBaseUrl = trimmed(Objects.requireNonNull(paymentBaseUrl, "paymentBaseUrl"));
        this.documentBaseUrl = documentBaseUrl == null || documentBaseUrl.isBlank() ? null : trimmed(documentBaseUrl);
        this.tokens = tokens;
        if (!this.paymentBaseUrl.startsWith("https://") && !this.paymentBaseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("the payment base URL must be an http(s) URL: " + paymentBaseUrl);
        }
    }

    @Override
    public String paymentLink(String invoiceId) {
        return paymentBaseUrl + "/" + tokens.token("pay", invoiceId);
    }

    @Override
    public Optional<String> documentLink(String invoiceId) {
        return documentBaseUrl == null ? Optional.empty()
                : Optional.of(documentBaseUrl + "/" + tokens.token("document", invoiceId));
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
