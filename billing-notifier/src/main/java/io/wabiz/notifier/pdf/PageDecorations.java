package io.wabiz.notifier.pdf;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Numbers the pages "Page n / N" (N is written once the document is closed, into a placeholder every page
 * shares) and, from the second page on, repeats the invoice number at the top. One instance per document.
 */
final class PageDecorations extends PdfPageEventHelper {

    private static final float FONT_SIZE = 7.5f;

    private final PdfFonts fonts;
    private final String pageLabel;
    private final String documentTitle;
    private final String continued;
    private PdfTemplate total;
    private int lastPage;

    PageDecorations(PdfFonts fonts, String pageLabel, String documentTitle, String continued) {
        this.fonts = fonts;
        this.pageLabel = pageLabel;
        this.documentTitle = documentTitle;
        this.continued = continued;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(30, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        lastPage = writer.getPageNumber();
        PdfContentByte canvas = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        String text = pageLabel + " " + lastPage + " / ";
        float width = fonts.regularBase().getWidthPoint(text, FONT_SIZE);
        float x = page.getRight(document.rightMargin()) - width - 14;
        float y = page.getBottom(24);
        canvas.saveState();
        canvas.beginText();
        canvas.setFontAndSize(fonts.regularBase(), FONT_SIZE);
        canvas.setColorFill(PdfFonts.MUTED);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
        canvas.addTemplate(total, x + width, y);
        canvas.restoreState();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(documentTitle,
                fonts.regular(FONT_SIZE, PdfFonts.MUTED)), page.getLeft(document.leftMargin()), y, 0);
        if (lastPage > 1) {
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(documentTitle + " (" + continued + ")",
                    fonts.regular(FONT_SIZE, PdfFonts.MUTED)), page.getRight(document.rightMargin()),
                    page.getTop(20), 0);
        }
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(fonts.regularBase(), FONT_SIZE);
        total.setColorFill(PdfFonts.MUTED);
        total.setTextMatrix(0, 0);
        total.showText(String.valueOf(lastPage));
        total.endText();
    }
}
