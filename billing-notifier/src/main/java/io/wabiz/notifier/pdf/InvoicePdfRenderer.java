package io.wabiz.notifier.pdf;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.Payment;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Bidi;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders an invoice as an A4 PDF with OpenPDF: company header, customer, number and dates, the lines (product,
 * quantity, unit price, discount, subtotal) in a table whose header repeats on every page, taxes, totals, what was
 * paid and what is left, the payment reference, and a QR code of the payment link. Pages are numbered
 * "Page n / N". Thread-safe; the same request always gives the same bytes (fixed dates, file id and font subset
 * names), so a download link serves exactly what was sent. Over 350 lines because the page is drawn top to bottom
 * in one pass with one set of fonts and column widths; split, each part would take them all as arguments.
 */
public final class InvoicePdfRenderer {

    private static final Color RULE = new Color(0xd0, 0xd0, 0xd0);
    private static final Color HEADER_FILL = new Color(0xee, 0xf4, 0xf2);
    private static final float MARGIN = 36f;
    private static final float FOOTER_SPACE = 54f;

    private final PdfFonts fonts;
    private final DocumentFormats formats;

    public InvoicePdfRenderer(PdfFonts fonts, DocumentFormats formats) {
        this.fonts = fonts;
        this.formats = formats;
    }

    public byte[] render(InvoicePdfRequest request) {
        Invoice invoice = request.invoice();
        Locale locale = request.locale();
        ResourceBundle labels = labels(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_SPACE);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCompressionLevel(6);
            writer.setPageEvent(new PageDecorations(fonts, labels.getString("page"),
                    labels.getString("title") + " " + invoice.number(), labels.getString("continued")));
            document.addTitle(labels.getString("title") + " " + invoice.number());
            document.addAuthor(request.company().name());
            document.open();
            fixMetadata(writer, request);

            document.add(header(request, labels));
            document.add(customer(request, labels));
            document.add(lines(invoice, locale, labels));
            document.add(totals(invoice, locale, labels));
            document.add(payment(request, labels));
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot render invoice " + invoice.number(), e);
        }
        return out.toByteArray();
    }

    private PdfPTable header(InvoicePdfRequest request, ResourceBundle labels) throws DocumentException, IOException {
        Letterhead company = request.company();
        Invoice invoice = request.invoice();
        PdfPTable table = new PdfPTable(new float[]{58, 42});
        table.setWidthPercentage(100);

        PdfPCell issuer = borderless();
        if (company.hasLogo()) {
            Image logo = Image.getInstance(company.logo());
            logo.scaleToFit(140, 56);
            issuer.addElement(logo);
        }
        issuer.addElement(paragraph(company.name(), fonts.bold(13, PdfFonts.ACCENT)));
        for (String line : company.addressLines()) {
            issuer.addElement(paragraph(line, fonts.regular(8.5f)));
        }
        for (String taxId : company.taxIds()) {
            issuer.addElement(paragraph(taxId, fonts.regular(8f, PdfFonts.MUTED)));
        }
        String contact = join(" · ", company.phone(), company.email());
        if (!contact.isEmpty()) {
            issuer.addElement(paragraph(contact, fonts.regular(8f, PdfFonts.MUTED)));
        }
        table.addCell(issuer);

        PdfPCell title = borderless();
        title.addElement(aligned(labels.getString("title"), fonts.bold(20, PdfFonts.ACCENT), Element.ALIGN_RIGHT));
        title.addElement(aligned(labels.getString("number") + " " + invoice.number(), fonts.bold(11),
                Element.ALIGN_RIGHT));
        Locale locale = request.locale();
        if (invoice.invoiceDate() != null) {
            title.addElement(aligned(labels.getString("date") + " : " + formats.date(invoice.invoiceDate(), locale),
                    fonts.regular(9), Element.ALIGN_RIGHT));
        }
        if (invoice.dueDate() != null) {
            title.addElement(aligned(labels.getString("due") + " : " + formats.date(invoice.dueDate(), locale),
                    fonts.regular(9), Element.ALIGN_RIGHT));
        }
        if (present(invoice.originOrderNumber())) {
            title.addElement(aligned(labels.getString("order") + " : " + invoice.originOrderNumber(),
                    fonts.regular(9), Element.ALIGN_RIGHT));
        }
        table.addCell(title);
        table.setSpacingAfter(14);
        return table;
    }

    private PdfPTable customer(InvoicePdfRequest request, ResourceBundle labels) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        PdfPCell cell = new PdfPCell();
        cell.setBorderColor(RULE);
        cell.setPadding(8);
        cell.addElement(paragraph(labels.getString("billedTo"), fonts.regular(8, PdfFonts.MUTED)));
        cell.addElement(paragraph(request.invoice().partnerName(), fonts.bold(11)));
        for (String line : request.customerLines()) {
            cell.addElement(paragraph(line, fonts.regular(9)));
        }
        rightToLeftIfNeeded(cell, request.invoice().partnerName());
        table.addCell(cell);
        table.setSpacingAfter(16);
        return table;
    }

    private PdfPTable lines(Invoice invoice, Locale locale, ResourceBundle labels) {
        PdfPTable table = new PdfPTable(new float[]{44, 12, 16, 10, 18});
        table.setWidthPercentage(100);
        table.setHeaderRows(1); // repeated at the top of every page the table continues on
        Font head = fonts.bold(8.5f);
        table.addCell(headerCell(labels.getString("product"), head, Element.ALIGN_LEFT));
        table.addCell(headerCell(labels.getString("quantity"), head, Element.ALIGN_RIGHT));
        table.addCell(headerCell(labels.getString("unitPrice"), head, Element.ALIGN_RIGHT));
        table.addCell(headerCell(labels.getString("discount"), head, Element.ALIGN_RIGHT));
        table.addCell(headerCell(labels.getString("subtotal"), head, Element.ALIGN_RIGHT));
        Font body = fonts.regular(8.5f);
        Font note = fonts.regular(7.5f, PdfFonts.MUTED);
        String currency = invoice.currency();
        for (DocumentLine line : invoice.lines()) {
            PdfPCell product = lineCell(Element.ALIGN_LEFT);
            String name = present(line.productName()) ? line.productName() : line.description();
            product.addElement(paragraph(name, body));
            if (present(line.description()) && !line.description().equals(name)) {
                product.addElement(paragraph(line.description(), note));
            }
            rightToLeftIfNeeded(product, name);
            table.addCell(product);
            String quantity = line.quantity() == null ? "" : formats.quantity(line.quantity(), locale)
                    + (present(line.unit()) ? " " + line.unit() : "");
            table.addCell(textCell(quantity, body, Element.ALIGN_RIGHT));
            table.addCell(textCell(line.unitPrice() == null ? "" : formats.money(line.unitPrice(), currency, locale),
                    body, Element.ALIGN_RIGHT));
            table.addCell(textCell(discount(line.discountPercent(), locale), body, Element.ALIGN_RIGHT));
            table.addCell(textCell(line.subtotal() == null ? "" : formats.money(line.subtotal(), currency, locale),
                    body, Element.ALIGN_RIGHT));
        }
        table.setSpacingAfter(10);
        return table;
    }

    private PdfPTable totals(Invoice invoice, Locale locale, ResourceBundle labels) {
        PdfPTable table = new PdfPTable(new float[]{55, 45});
        table.setWidthPercentage(48);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setKeepTogether(true);
        String currency = invoice.currency();
        Font label = fonts.regular(9);
        Font value = fonts.regular(9);
        if (invoice.amountUntaxed() != null) {
            totalRow(table, labels.getString("untaxed"), formats.money(invoice.amountUntaxed(), currency, locale),
                    label, value);
        }
        if (!invoice.taxes().isEmpty()) {
            for (Invoice.TaxAmount tax : invoice.taxes()) {
                totalRow(table, tax.name(), formats.money(tax.amount(), currency, locale), label, value);
            }
        } else if (invoice.amountTax() != null) {
            totalRow(table, labels.getString("tax"), formats.money(invoice.amountTax(), currency, locale),
                    label, value);
        }
        totalRow(table, labels.getString("total"), formats.money(invoice.amountTotal(), currency, locale),
                fonts.bold(10), fonts.bold(10));
        BigDecimal residual = invoice.amountResidual() == null ? invoice.amountTotal() : invoice.amountResidual();
        BigDecimal paid = invoice.amountTotal().subtract(residual);
        if (paid.signum() != 0) {
            totalRow(table, labels.getString("paid"), formats.money(paid, currency, locale), label, value);
        }
        PdfPCell dueLabel = textCell(labels.getString("residual"), fonts.bold(10.5f, Color.WHITE), Element.ALIGN_LEFT);
        PdfPCell dueValue = textCell(formats.money(residual, currency, locale), fonts.bold(10.5f, Color.WHITE),
                Element.ALIGN_RIGHT);
        for (PdfPCell cell : new PdfPCell[]{dueLabel, dueValue}) {
            cell.setBackgroundColor(PdfFonts.ACCENT);
            cell.setPaddingTop(5);
            cell.setPaddingBottom(6);
        }
        table.addCell(dueLabel);
        table.addCell(dueValue);
        table.setSpacingAfter(16);
        return table;
    }

    private PdfPTable payment(InvoicePdfRequest request, ResourceBundle labels) throws DocumentException {
        Invoice invoice = request.invoice();
        Locale locale = request.locale();
        PdfPTable table = new PdfPTable(new float[]{64, 36});
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        PdfPCell left = borderless();
        if (present(invoice.paymentReference())) {
            left.addElement(paragraph(labels.getString("paymentReference"), fonts.regular(8, PdfFonts.MUTED)));
            left.addElement(paragraph(invoice.paymentReference(), fonts.bold(11)));
        }
        if (!invoice.payments().isEmpty()) {
            Paragraph title = paragraph(labels.getString("payments"), fonts.regular(8, PdfFonts.MUTED));
            title.setSpacingBefore(8);
            left.addElement(title);
            for (Payment payment : invoice.payments()) {
                left.addElement(paragraph(join(" · ",
                        payment.date() == null ? null : formats.date(payment.date(), locale),
                        payment.method(), payment.reference(),
                        payment.amount() == null ? null : formats.money(payment.amount(), invoice.currency(), locale)),
                        fonts.regular(8.5f)));
            }
        }
        boolean settled = invoice.amountResidual() != null && invoice.amountResidual().signum() <= 0;
        if (settled) {
            Paragraph stamp = paragraph(labels.getString("paidInFull"), fonts.bold(16, PdfFonts.ACCENT));
            stamp.setSpacingBefore(8);
            left.addElement(stamp);
        }
        table.addCell(left);

        PdfPCell right = borderless();
        if (present(request.paymentLink()) && !settled) {
            Image qr = QrCodes.image(request.paymentLink(), 96);
            qr.setAlignment(Element.ALIGN_RIGHT);
            right.addElement(qr);
            right.addElement(aligned(labels.getString("scanToPay"), fonts.bold(8.5f), Element.ALIGN_RIGHT));
            right.addElement(aligned(request.paymentLink(), fonts.regular(6.5f, PdfFonts.MUTED), Element.ALIGN_RIGHT));
        }
        table.addCell(right);
        return table;
    }

    private String discount(BigDecimal percent, Locale locale) {
        return percent == null || percent.signum() == 0 ? "" : formats.percent(percent, locale);
    }

    private static void totalRow(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell left = textCell(label, labelFont, Element.ALIGN_LEFT);
        PdfPCell right = textCell(value, valueFont, Element.ALIGN_RIGHT);
        left.setBorder(Rectangle.BOTTOM);
        right.setBorder(Rectangle.BOTTOM);
        left.setBorderColor(RULE);
        right.setBorderColor(RULE);
        table.addCell(left);
        table.addCell(right);
    }

    private static PdfPCell headerCell(String text, Font font, int alignment) {
        PdfPCell cell = textCell(text, font, alignment);
        cell.setBackgroundColor(HEADER_FILL);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(PdfFonts.ACCENT);
        cell.setPaddingTop(5);
        cell.setPaddingBottom(6);
        return cell;
    }

    private static PdfPCell lineCell(int alignment) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static PdfPCell textCell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static PdfPCell borderless() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(new Chunk(text == null ? "" : text, font));
        paragraph.setLeading(font.getSize() * 1.3f);
        return paragraph;
    }

    private static Paragraph aligned(String text, Font font, int alignment) {
        Paragraph paragraph = paragraph(text, font);
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    /** Arabic (and Hebrew) text is laid out right to left, with its letters joined, only in the cells holding it. */
    private static void rightToLeftIfNeeded(PdfPCell cell, String text) {
        if (text != null && Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
            cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
            Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            if (!bidi.baseIsLeftToRight()) {
                cell.setRunDirection(PdfWriter.RUN_DIRECTION_RTL);
            }
        }
    }

    /** A creation date and a file id derived from the invoice instead of the clock and a random number. */
    private static void fixMetadata(PdfWriter writer, InvoicePdfRequest request) {
        Invoice invoice = request.invoice();
        Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        day.clear();
        if (invoice.invoiceDate() != null) {
            day.set(invoice.invoiceDate().getYear(), invoice.invoiceDate().getMonthValue() - 1,
                    invoice.invoiceDate().getDayOfMonth());
        } else {
            day.set(2000, Calendar.JANUARY, 1);
        }
        PdfString date = new PdfDate(day);
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        // what identifies this rendering (the version changes with every ERP change of the invoice); cheaper than
        // hashing the whole invoice, which was a tenth of a render
        byte[] id = sha256(invoice.invoiceId() + "|" + invoice.version() + "|" + invoice.amountResidual() + "|"
                + request.paymentLink() + "|" + request.locale());
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle("io.wabiz.notifier.pdf.invoice-pdf", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String join(String separator, String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (present(part)) {
                if (!joined.isEmpty()) {
                    joined.append(separator);
                }
                joined.append(part);
            }
        }
        return joined.toString();
    }
}
