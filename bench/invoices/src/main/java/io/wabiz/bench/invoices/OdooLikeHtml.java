package io.wabiz.bench.invoices;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.notification.money.MoneyFormat;
import io.wabiz.notifier.pdf.Letterhead;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The same invoice as Odoo's report would give wkhtmltopdf: one HTML page with the same font (DejaVu Sans, from
 * the file), the letterhead, the lines table, the totals and a QR code image, styled as Odoo's invoice layout is.
 */
final class OdooLikeHtml {

    private OdooLikeHtml() {
    }

    static String of(Invoice invoice, Letterhead company, Path font) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (DocumentLine line : invoice.lines()) {
            rows.append("<tr><td>").append(escape(line.productName())).append("</td><td class=\"r\">")
                    .append(line.quantity().toPlainString()).append(' ').append(line.unit()).append("</td><td class=\"r\">")
                    .append(money(line.unitPrice(), invoice)).append("</td><td class=\"r\"></td><td class=\"r\">")
                    .append(money(line.subtotal(), invoice)).append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
                @font-face { font-family: 'DejaVu Sans'; src: url('%s'); }
                body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #222; margin: 12mm; }
                .header { display: flex; justify-content: space-between; } h1 { color: #0b5c4a; font-size: 20pt; }
                table { width: 100%%; border-collapse: collapse; margin-top: 10mm; }
                th { background: #eef4f2; border-bottom: 1px solid #0b5c4a; text-align: left; padding: 4px; }
                td { border-bottom: 1px solid #d0d0d0; padding: 4px; } .r { text-align: right; }
                .totals { width: 48%%; margin-left: auto; } .due { background: #0b5c4a; color: #fff; font-weight: bold; }
                </style></head><body>
                <div class="header"><div><b>%s</b><br>%s<br>%s</div>
                <div class="r"><h1>FACTURE</h1><b>N° %s</b><br>Date : %s<br>Échéance : %s</div></div>
                <div style="border:1px solid #d0d0d0;width:50%%;padding:8px;margin-top:6mm">Facturé à<br><b>%s</b></div>
                <table><thead><tr><th>Désignation</th><th class="r">Qté</th><th class="r">Prix unitaire</th>
                <th class="r">Remise</th><th class="r">Montant</th></tr></thead><tbody>
                %s</tbody></table>
                <table class="totals"><tr><td>Total HT</td><td class="r">%s</td></tr><tr><td>TVA 18%%</td><td class="r">%s</td></tr>
                <tr><td><b>Total TTC</b></td><td class="r"><b>%s</b></td></tr>
                <tr class="due"><td>Reste à payer</td><td class="r">%s</td></tr></table>
                <p>Référence de paiement<br><b>%s</b></p>
                <p class="r"><img width="96" height="96" src="data:image/png;base64,%s"><br>Scannez pour payer</p>
                </body></html>""".formatted(font.toUri(), escape(company.name()),
                escape(String.join(", ", company.addressLines())), escape(String.join(" · ", company.taxIds())),
                escape(invoice.number()), invoice.invoiceDate(), invoice.dueDate(), escape(invoice.partnerName()),
                rows, money(invoice.amountUntaxed(), invoice), money(invoice.amountTax(), invoice),
                money(invoice.amountTotal(), invoice), money(invoice.amountResidual(), invoice),
                escape(invoice.paymentReference()), qr("https://pay.wabiz.example/pay/Zm9vYmFyLmJheg.abcdefghijklmnop"));
    }

    private static String qr(String text) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 192, 192);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static String money(java.math.BigDecimal amount, Invoice invoice) {
        return MoneyFormat.format(amount, invoice.currency(), Locale.FRENCH);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
