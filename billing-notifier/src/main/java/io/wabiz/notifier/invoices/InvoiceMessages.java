package io.wabiz.notifier.invoices;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.MediaUpload;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.events.outbound.WhatsAppLimits;
import io.wabiz.notification.messages.Messages;
import io.wabiz.notification.messages.TextFit;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.notifier.messages.NotifierTexts;
import io.wabiz.notifier.payments.PayLinks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the invoice notifications, in the reader's language: the PDF with its caption and payment links,
 * the residual after a partial payment, the thank-you, the cancellation and the details, each with its template
 * twin for a closed window. One provider gives a call-to-action button; several give one link per line.
 */
public class InvoiceMessages {

    static final int TEMPLATE_PARAMETER_MAX = 200;

    private final NotifierTexts texts;

    public InvoiceMessages(NotifierTexts texts) {
        this.texts = texts;
    }

    /** What one message says: the free-form content and the template to fall back on outside the window. */
    public record Message(OutboundContent content, OutboundContent.Template fallback) {
    }

    public Message posted(Invoice invoice, String name, Locale language, String filename, MediaUpload pdf,
                          List<PayLinks.Link> links, TemplateRef template) {
        Messages m = texts.messages(language);
        boolean settled = invoice.amountResidual() != null && invoice.amountResidual().signum() <= 0;
        String caption = m.text(settled ? "invoice.posted.caption.paid" : "invoice.posted.caption", Map.of(
                "greeting", greeting(m, name), "number", invoice.number(), "date", date(invoice, language),
                "total", money(invoice.amountTotal(), invoice, language), "due", due(invoice, language)));
        if (!settled) {
            caption = caption + "\n" + payLines(m, invoice, links);
        }
        OutboundContent content = new OutboundContent.Document(null, null, filename,
                TextFit.fit(caption, WhatsAppLimits.MEDIA_CAPTION), pdf);
        List<TemplateComponent> components = new ArrayList<>();
        components.add(new TemplateComponent("header", null, null,
                List.of(TemplateParameter.documentUpload(pdf, filename))));
        components.add(body(List.of(name(name, invoice), invoice.number(), date(invoice, language),
                money(invoice.amountTotal(), invoice, language), due(invoice, language), firstLink(links, invoice))));
        return new Message(content, new OutboundContent.Template(template.name(), template.language(), components));
    }

    public Message residual(Invoice invoice, BigDecimal paid, String name, Locale language,
                            List<PayLinks.Link> links, TemplateRef template) {
        Messages m = texts.messages(language);
        String left = money(invoice.amountResidual(), invoice, language);
        String paidText = money(paid, invoice, language);
        String body = m.text("invoice.residual.body", Map.of("greeting", greeting(m, name), "paid", paidText,
                "number", invoice.number(), "left", left));
        OutboundContent content = payContent(m, body, invoice, links);
        return new Message(content, template(template, List.of(name(name, invoice), paidText, invoice.number(), left,
                firstLink(links, invoice))));
    }

    public Message paid(Invoice invoice, String name, Locale language, TemplateRef template) {
        Messages m = texts.messages(language);
        String body = m.text("invoice.paid.body", Map.of("greeting", greeting(m, name), "number", invoice.number()));
        return new Message(new OutboundContent.Text(TextFit.fit(body, WhatsAppLimits.TEXT_BODY), false),
                template(template, List.of(name(name, invoice), invoice.number())));
    }

    public Message cancelled(Invoice invoice, String name, Locale language, TemplateRef template) {
        Messages m = texts.messages(language);
        String body = m.text("invoice.cancelled.body", Map.of("greeting", greeting(m, name),
                "number", invoice.number(), "date", date(invoice, language)));
        return new Message(new OutboundContent.Text(TextFit.fit(body, WhatsAppLimits.TEXT_BODY), false),
                template(template, List.of(name(name, invoice), invoice.number(), date(invoice, language))));
    }

    public Message details(InvoiceDocument doc, String name, Locale language, List<PayLinks.Link> links,
                           String pdfLink, int maxLines, TemplateRef template) {
        Invoice invoice = doc.invoice();
        Messages m = texts.messages(language);
        List<String> text = new ArrayList<>();
        text.add(m.text("invoice.details.title", Map.of("number", invoice.number())));
        text.add(m.text("invoice.details.dates", Map.of("date", date(invoice, language), "due", due(invoice, language))));
        List<DocumentLine> lines = invoice.lines();
        for (int i = 0; i < Math.min(lines.size(), maxLines); i++) {
            DocumentLine line = lines.get(i);
            text.add(m.text("invoice.details.line", Map.of("position", i + 1,
                    "product", line.productName() == null ? line.description() : line.productName(),
                    "quantity", line.quantity() == null ? "" : line.quantity().stripTrailingZeros().toPlainString(),
                    "unitPrice", line.unitPrice() == null ? "" : money(line.unitPrice(), invoice, language),
                    "subtotal", line.subtotal() == null ? "" : money(line.subtotal(), invoice, language))));
        }
        if (lines.size() > maxLines) {
            text.add(m.text("common.more.lines", Map.of("count", lines.size() - maxLines)));
        }
        text.add(m.text("invoice.details.total", Map.of("total", money(invoice.amountTotal(), invoice, language))));
        BigDecimal left = doc.residual();
        BigDecimal paid = invoice.amountTotal().subtract(left);
        if (paid.signum() > 0) {
            text.add(m.text("invoice.details.paid", Map.of("paid", money(paid, invoice, language))));
        }
        if (pdfLink != null) {
            text.add(m.text("invoice.details.pdf", Map.of("url", pdfLink)));
        }
        InvoiceDocument.Status status = doc.status();
        OutboundContent content;
        if (status == InvoiceDocument.Status.OPEN) {
            text.add(m.text("invoice.details.left", Map.of("left", money(left, invoice, language))));
            content = payContent(m, String.join("\n", text), invoice, links);
        } else {
            text.add(m.text(status == InvoiceDocument.Status.PAID ? "invoice.details.settled"
                    : "invoice.details.cancelled"));
            content = new OutboundContent.Text(TextFit.fit(String.join("\n", text), WhatsAppLimits.TEXT_BODY),
                    pdfLink != null);
        }
        return new Message(content, template(template, List.of(name(name, invoice), invoice.number(),
                money(invoice.amountTotal(), invoice, language), money(left, invoice, language),
                due(invoice, language), firstLink(links, invoice))));
    }

    /** A CTA button when there is one provider and the text fits an interactive body; else the links as text. */
    private OutboundContent payContent(Messages m, String body, Invoice invoice, List<PayLinks.Link> links) {
        if (links.size() == 1 && TextFit.length(body) <= WhatsAppLimits.INTERACTIVE_BODY) {
            return new OutboundContent.CtaUrl(null, body, null,
                    TextFit.fit(m.text("invoice.pay.button"), WhatsAppLimits.CTA_DISPLAY_TEXT), links.getFirst().url());
        }
        return new OutboundContent.Text(TextFit.fit(body + "\n\n" + payLines(m, invoice, links),
                WhatsAppLimits.TEXT_BODY), false);
    }

    private static String payLines(Messages m, Invoice invoice, List<PayLinks.Link> links) {
        if (links.isEmpty()) {
            return m.text("invoice.pay.none", Map.of("reference", reference(invoice)));
        }
        if (links.size() == 1) {
            return m.text("invoice.pay.one", Map.of("url", links.getFirst().url()));
        }
        List<String> lines = new ArrayList<>();
        for (PayLinks.Link link : links) {
            lines.add(m.text("invoice.pay.with", Map.of("provider", link.displayName(), "url", link.url())));
        }
        return String.join("\n", lines);
    }

    private static OutboundContent.Template template(TemplateRef ref, List<String> parameters) {
        return new OutboundContent.Template(ref.name(), ref.language(), List.of(body(parameters)));
    }

    private static TemplateComponent body(List<String> parameters) {
        return new TemplateComponent("body", null, null, parameters.stream()
                .map(p -> TemplateParameter.text(TextFit.templateParameter(p, TEMPLATE_PARAMETER_MAX))).toList());
    }

    private static String firstLink(List<PayLinks.Link> links, Invoice invoice) {
        return links.isEmpty() ? reference(invoice) : links.getFirst().url();
    }

    private static String reference(Invoice invoice) {
        return invoice.paymentReference() != null && !invoice.paymentReference().isBlank()
                ? invoice.paymentReference() : invoice.number();
    }

    private String money(BigDecimal amount, Invoice invoice, Locale language) {
        return texts.money(amount, invoice.currency(), language);
    }

    private String date(Invoice invoice, Locale language) {
        return invoice.invoiceDate() == null ? "-" : texts.date(invoice.invoiceDate(), language);
    }

    private String due(Invoice invoice, Locale language) {
        return invoice.dueDate() == null ? date(invoice, language) : texts.date(invoice.dueDate(), language);
    }

    private static String name(String name, Invoice invoice) {
        return name != null && !name.isBlank() ? name : invoice.partnerName();
    }

    private static String greeting(Messages m, String name) {
        return name == null || name.isBlank() ? m.text("common.greeting.anonymous")
                : m.text("common.greeting", Map.of("name", name.strip()));
    }
}
