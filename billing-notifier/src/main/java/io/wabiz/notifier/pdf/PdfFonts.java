package io.wabiz.notifier.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.zip.Deflater;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts embedded in every invoice: DejaVu Sans (regular and bold, shipped in {@code /fonts} with its
 * licence), reduced by {@code billing-notifier/subset-fonts} to the scripts of the platform's markets: accented
 * French, Wolof ({@code ñ ë ŋ}), other African Latin orthographies, Arabic, N'Ko, Tifinagh, Greek, Cyrillic.
 * Parsed once and shared by every render (thread-safe: a subset is built from a copy of the font's reader); each
 * PDF embeds only the glyphs it uses, so a one-page invoice is about 27 KB.
 */
public final class PdfFonts {

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x6b, 0x6b, 0x6b);
    static final Color ACCENT = new Color(0x0b, 0x5c, 0x4a);

    private final BaseFont regular;
    private final BaseFont bold;

    private PdfFonts(BaseFont regular, BaseFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The DejaVu Sans pair from the classpath. */
    public static PdfFonts dejaVuSans() {
        return new PdfFonts(load("/fonts/DejaVuSans.ttf"), load("/fonts/DejaVuSans-Bold.ttf"));
    }

    Font regular(float size) {
        return new Font(regular, size, Font.NORMAL, INK);
    }

    Font regular(float size, Color color) {
        return new Font(regular, size, Font.NORMAL, color);
    }

    Font bold(float size) {
        return new Font(bold, size, Font.NORMAL, INK);
    }

    Font bold(float size, Color color) {
        return new Font(bold, size, Font.NORMAL, color);
    }

    BaseFont regularBase() {
        return regular;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            BaseFont font = BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1),
                    BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            // the subset's name prefix is random by default: a fixed one keeps the same invoice's bytes the same
            font.setSecureRandom(new FixedSubsetPrefix());
            // the font subset is most of a PDF's bytes and of its rendering time: zlib's fastest level costs a
            // quarter of the default's CPU for 5 % more bytes
            font.setCompressionLevel(Deflater.BEST_SPEED);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }

    /** Gives the subset prefix {@code AAAAAA+}: one subset per font and document, so it never collides. */
    private static final class FixedSubsetPrefix extends SecureRandom {
        @Override
        public double nextDouble() {
            return 0;
        }
    }
}
