package io.wabiz.notifier.invoices;

import io.wabiz.events.outbound.OutboundContent.MediaUpload;
import io.wabiz.notifier.documents.DocumentLinks;
import io.wabiz.notifier.documents.InvoicePdfStore;
import io.wabiz.notifier.documents.StoredPdf;
import io.wabiz.notifier.payments.PayLinks;
import io.wabiz.notifier.pdf.InvoicePdfRenderer;
import io.wabiz.notifier.pdf.InvoicePdfRequest;
import io.wabiz.notifier.pdf.Letterhead;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An invoice version's PDF, rendered once per language and kept: the QR code and the printed link are the
 * invoice's first payment link. Handed to the sender as bytes inside the command, or, past the inline cap, as a
 * signed link it fetches.
 */
public class InvoicePdfs {

    private final InvoicePdfRenderer renderer;
    private final InvoicePdfStore store;
    private final Function<String, Letterhead> letterheads;
    private final PayLinks payLinks;

    public InvoicePdfs(InvoicePdfRenderer renderer, InvoicePdfStore store, Function<String, Letterhead> letterheads,
                       PayLinks payLinks) {
        this.renderer = renderer;
        this.store = store;
        this.letterheads = letterheads;
        this.payLinks = payLinks;
    }

    public StoredPdf pdfOf(InvoiceDocument doc, Locale language) {
        String version = doc.version() + "-" + language.getLanguage();
        List<PayLinks.Link> links = doc.status() == InvoiceDocument.Status.OPEN
                ? payLinks.linksFor(doc.id(), doc.invoice().currency()) : List.of();
        InvoicePdfRequest request = new InvoicePdfRequest(doc.invoice(), letterheads.apply(doc.invoice().companyId()),
                List.of(), links.isEmpty() ? null : links.getFirst().url(), language);
        return store.findOrRender(doc.id(), version, request.filename(), () -> renderer.render(request));
    }

    public MediaUpload upload(StoredPdf pdf, DocumentLinks links) {
        return pdf.bytes().length <= MediaUpload.MAX_INLINE_BYTES
                ? new MediaUpload("application/pdf", pdf.bytes(), null, pdf.sha256())
                : new MediaUpload("application/pdf", null, links.linkTo(pdf), pdf.sha256());
    }
}
