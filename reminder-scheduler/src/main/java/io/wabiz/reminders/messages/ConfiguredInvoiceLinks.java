package io.wabiz.reminders.messages;

import io.wabiz.notification.links.SignedTokens;
import io.wabiz.reminders.invoices.OpenInvoice;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The billing-notifier's public links, issued here with the same key and the platform's {@link SignedTokens}:
 * {@code {base}/pay/{token}} (fields invoice id and provider) and {@code {base}/documents/{token}} (the stored PDF of
 * the invoice's current version, {@code {invoiceId}@{version}}). A payment link expires {@code payLinkLifetime} after
 * the invoice's due date, so every reminder of an invoice carries the same link; one that would expire within
 * {@code minimumValidity} (an invoice imported very late) gets a later expiry instead.
 */
public final class ConfiguredInvoiceLinks implements InvoiceLinks {

    private final URI publicBaseUrl;
    private final SignedTokens tokens;
    private final String provider;
    private final Duration payLinkLifetime;
    private final Duration minimumValidity;
    private final Duration documentLinkLifetime;
    private final boolean documents;
    private final Clock clock;

    public ConfiguredInvoiceLinks(URI publicBaseUrl, SignedTokens tokens, String provider, Duration payLinkLifetime,
                                  Duration minimumValidity, Duration documentLinkLifetime, boolean documents,
                                  Clock clock) {
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (!"https".equals(publicBaseUrl.getScheme()) && !"http".equals(publicBaseUrl.getScheme())) {
            throw new IllegalArgumentException("the links' public base URL must be an http(s) URL: " + publicBaseUrl);
        }
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("reminders.links.provider names the payment provider of the links");
        }
        this.tokens = tokens;
        this.provider = provider;
        this.payLinkLifetime = payLinkLifetime;
        this.minimumValidity = minimumValidity;
        this.documentLinkLifetime = documentLinkLifetime;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public String paymentLink(OpenInvoice invoice) {
        Instant expiresAt = invoice.dueDate().atStartOfDay(ZoneOffset.UTC).toInstant().plus(payLinkLifetime);
        Instant soonest = clock.instant().plus(minimumValidity);
        if (expiresAt.isBefore(soonest)) {
            expiresAt = soonest;
        }
        return publicBaseUrl.resolve("/pay/" + tokens.issue(SignedTokens.PAY, expiresAt, invoice.invoiceId(),
                provider)).toString();
    }

    @Override
    public Optional<String> documentLink(OpenInvoice invoice) {
        if (!documents) {
            return Optional.empty();
        }
        String pdf = invoice.invoiceId() + "@" + invoice.version();
        return Optional.of(publicBaseUrl.resolve("/documents/" + tokens.issue(SignedTokens.DOCUMENT,
                clock.instant().plus(documentLinkLifetime), pdf)).toString());
    }

    @Override
    public boolean documents() {
        return documents;
    }
}
