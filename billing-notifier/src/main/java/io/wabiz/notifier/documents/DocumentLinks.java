package io.wabiz.notifier.documents;

import io.wabiz.notification.links.SignedTokens;
import io.wabiz.notifier.invoices.InvoiceDocument;
import io.wabiz.notifier.invoices.InvoiceProjection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signed, expiring links to a rendered invoice PDF ({@code /documents/{token}}): the token names the stored PDF and
 * its expiry, nothing else; it is checked before anything is read. A link of a cancelled invoice stops working.
 */
public class DocumentLinks {

    static final String PURPOSE = SignedTokens.DOCUMENT;

    private final SignedTokens tokens;
    private final InvoicePdfStore pdfs;
    private final InvoiceProjection invoices;
    private final URI publicBaseUrl;
    private final Duration lifetime;
    private final Clock clock;

    public DocumentLinks(SignedTokens tokens, InvoicePdfStore pdfs, InvoiceProjection invoices, URI publicBaseUrl,
                         Duration lifetime, Clock clock) {
        this.tokens = tokens;
        this.pdfs = pdfs;
        this.invoices = invoices;
        this.publicBaseUrl = publicBaseUrl;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A link to {@code pdf}, valid for the configured lifetime. */
    public String linkTo(StoredPdf pdf) {
        String token = tokens.issue(PURPOSE, clock.instant().plus(lifetime), pdf.id());
        return publicBaseUrl.resolve("/documents/" + token).toString();
    }

    /** What a link leads to. */
    public sealed interface Opened {
        record Found(StoredPdf pdf) implements Opened {
        }

        record Expired() implements Opened {
        }

        record Cancelled(String invoiceNumber) implements Opened {
        }

        record NotFound() implements Opened {
        }
    }

    public Opened open(String token) {
        return switch (tokens.verify(PURPOSE, token, clock.instant())) {
            case SignedTokens.Verdict.Invalid invalid -> new Opened.NotFound();
            case SignedTokens.Verdict.Expired expired -> new Opened.Expired();
            case SignedTokens.Verdict.Valid valid -> found(valid.fields());
        };
    }

    private Opened found(List<String> fields) {
        if (fields.size() != 1) {
            return new Opened.NotFound();
        }
        Optional<StoredPdf> pdf = pdfs.find(fields.getFirst());
        if (pdf.isEmpty()) {
            return new Opened.NotFound();
        }
        Optional<InvoiceDocument> invoice = invoices.find(pdf.get().invoiceId());
        if (invoice.isPresent() && invoice.get().status() == InvoiceDocument.Status.CANCELLED) {
            return new Opened.Cancelled(invoice.get().invoice().number());
        }
        return new Opened.Found(pdf.get());
    }
}
