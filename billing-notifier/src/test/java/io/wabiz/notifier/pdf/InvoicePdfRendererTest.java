package io.wabiz.notifier.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.notifier.InvoiceSamples;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InvoicePdfRendererTest {

    private static final String PAY_LINK = "https://pay.wabiz.example/pay/Zm9vYmFyLmJheg";
    private static final Letterhead COMPANY = new Letterhead("Sahel Matériaux SARL",
            List.of("Route de Rufisque, km 4", "Dakar, Sénégal"), List.of("NINEA 004567890 2G3",
            "RCCM SN-DKR-2021-B-1234"), "+221 33 800 00 00", "compta@sahel-materiaux.sn", null);

    private static InvoicePdfRenderer renderer;

    @BeforeAll
    static void renderer() {
        PdfText.assumePopplerInstalled();
        renderer = new InvoicePdfRenderer(PdfFonts.dejaVuSans(), new TestFormats());
    }

    @Test
    void printsNumberDatesEveryLineTotalsResidualAndPaymentReference() {
        Invoice invoice = InvoiceSamples.invoice("account.move/5531", 4);
        String text = oneLine(PdfText.text(render(invoice, Locale.FRENCH)));

        assertThat(text).contains("FACTURE", "N° INV/2026/5531", "Date : 2026-11-24", "Échéance : 2026-12-24",
                "Commande : S01207", "Sahel Matériaux SARL", "NINEA 004567890 2G3", "Facturé à",
                "Quincaillerie Ndiaye & Fils", "Référence de paiement", "Reste à payer", "Total TTC", "TVA 18%",
                "Scannez pour payer", PAY_LINK);
        for (DocumentLine line : invoice.lines()) {
            assertThat(text).contains(oneLine(line.productName()), amount(line.unitPrice()), amount(line.subtotal()));
        }
        assertThat(text).contains(amount(invoice.amountTotal()), amount(invoice.amountUntaxed()),
                amount(invoice.amountTax()));
        assertThat(text).contains("Page 1 / 1");
    }

    @Test
    void frenchAndWolofNamesReadBackLetterForLetterAndArabicIsJoinedRightToLeft() {
        Invoice invoice = InvoiceSamples.invoice("account.move/77", InvoiceSamples.PRODUCTS.size());
        String text = oneLine(PdfText.text(render(invoice, Locale.FRENCH)));

        assertThat(text).contains("Thiéboudienne — riz brisé parfumé", "Ñambi (manioc) séché",
                "Ëttu këriñ (charbon) 25 kg", "Pâte d'arachide Ŋaari", "Fer à béton 10 mm");
        // pdftotext gives Arabic in visual order (shaped letter forms, which NFKC maps back): the words are there
        assertThat(text).containsAnyOf("تمر مجهول", "مجهول تمر", new StringBuilder("تمر مجهول").reverse().toString());
    }

    @Test
    void sixtyLinesSpanSeveralPagesWithTheTableHeaderOnEveryPageOfLines() {
        Invoice invoice = InvoiceSamples.invoice("account.move/9000", 60);
        byte[] pdf = render(invoice, Locale.FRENCH);

        int pages = PdfText.pages(pdf);
        assertThat(pages).isGreaterThan(1);
        int pagesWithLines = 0;
        for (int page = 1; page <= pages; page++) {
            String text = oneLine(PdfText.page(pdf, page));
            assertThat(text).as("page %d", page).contains("Page " + page + " / " + pages);
            if (page > 1) {
                assertThat(text).contains("FACTURE INV/2026/9000 (suite)");
            }
            if (invoice.lines().stream().anyMatch(line -> text.contains(readable(line.productName())))) {
                pagesWithLines++;
                assertThat(text).as("page %d", page).contains("Désignation", "Qté", "Prix unitaire", "Remise",
                        "Montant");
            }
        }
        assertThat(pagesWithLines).isGreaterThan(1);
        String all = oneLine(PdfText.text(pdf));
        for (DocumentLine line : invoice.lines()) {
            assertThat(all).contains(readable(line.productName()));
        }
        assertThat(oneLine(PdfText.page(pdf, pages))).contains("Reste à payer", amount(invoice.amountResidual()));
    }

    @Test
    void sameInvoiceGivesTheSameBytesAndText() {
        Invoice invoice = InvoiceSamples.invoice("account.move/5531", 12);
        byte[] first = render(invoice, Locale.FRENCH);
        byte[] second = new InvoicePdfRenderer(PdfFonts.dejaVuSans(), new TestFormats())
                .render(new InvoicePdfRequest(invoice, COMPANY, List.of("Médina, Dakar"), PAY_LINK, Locale.FRENCH));

        assertThat(second).isEqualTo(first);
        assertThat(PdfText.text(second)).isEqualTo(PdfText.text(first));
        Invoice changed = InvoiceSamples.withResidual(invoice, new BigDecimal("1000"), "v2");
        assertThat(render(changed, Locale.FRENCH)).isNotEqualTo(first);
    }

    @Test
    void invoicesRenderedAtOnceOnSeveralThreadsGiveTheBytesOfEachRenderedAlone() throws Exception {
        // the parsed fonts are shared by every render: subsetting on four threads at once must not mix glyphs
        List<Invoice> invoices = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> InvoiceSamples.invoice("account.move/" + (600 + i), 2 + i * 9)).toList();
        List<byte[]> alone = invoices.stream().map(invoice -> render(invoice, Locale.FRENCH)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> together = new java.util.ArrayList<>();
            for (int round = 0; round < 4; round++) {
                invoices.forEach(invoice -> together.add(pool.submit(() -> render(invoice, Locale.FRENCH))));
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).as("render %d", i)
                        .isEqualTo(alone.get(i % invoices.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void qrCodeReadsAsThePaymentLink() throws Exception {
        byte[] png = PdfText.png(render(InvoiceSamples.invoice("account.move/5531", 3), Locale.FRENCH), 150);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();

        assertThat(decoded).isEqualTo(PAY_LINK);
    }

    @Test
    void paidInvoiceShowsPaidStampPaymentsAndNoQrCode() {
        Invoice invoice = InvoiceSamples.withResidual(InvoiceSamples.invoice("account.move/5531", 2),
                BigDecimal.ZERO, "v3");
        String text = oneLine(PdfText.text(render(invoice, Locale.FRENCH)));

        assertThat(text).contains("PAYÉE", "Déjà payé", "Paiements reçus", "WAVE-T123")
                .doesNotContain("Scannez pour payer");
    }

    @Test
    void englishReaderGetsEnglishLabels() {
        String text = oneLine(PdfText.text(render(InvoiceSamples.invoice("account.move/5531", 2), Locale.ENGLISH)));

        assertThat(text).contains("INVOICE", "Bill to", "Amount due", "Scan to pay", "Page 1 / 1")
                .doesNotContain("Reste à payer");
    }

    @Test
    void wolofReaderGetsFrenchLabels() {
        String text = oneLine(PdfText.text(render(InvoiceSamples.invoice("account.move/5531", 2),
                Locale.of("wo"))));

        assertThat(text).contains("FACTURE", "Reste à payer");
    }

    @Test
    void aOnePageInvoiceStaysSmall() {
        assertThat(render(InvoiceSamples.invoice("account.move/5531", 20), Locale.FRENCH).length)
                .isLessThan(60_000);
    }

    private static byte[] render(Invoice invoice, Locale locale) {
        return renderer.render(new InvoicePdfRequest(invoice, COMPANY, List.of("Médina, Dakar"), PAY_LINK, locale));
    }

    private static String amount(BigDecimal value) {
        return oneLine(new TestFormats().money(value, "XOF", Locale.FRENCH));
    }

    /**
     * What pdftotext reads back of a product name: the name itself, or for a right-to-left name only its Arabic
     * words (pdftotext puts the neutral "#6" that follows them on the visual left).
     */
    private static String readable(String productName) {
        String name = oneLine(productName);
        return java.text.Bidi.requiresBidi(name.toCharArray(), 0, name.length())
                ? name.replaceAll(" #\\d+$", "") : name;
    }

    /** Every run of white space (pdftotext's layout spaces, no-break spaces in amounts) as one space. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\u202a-\\u202e\\u2066-\\u2069]", "").replaceAll("[\\s\\u00a0\\u202f]+", " ");
    }
}
