package io.wabiz.notifier.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Image;

/** QR codes (ZXing) as one-bit PDF images: one pixel per module, scaled without smoothing, so phones read them. */
final class QrCodes {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 2);

    private QrCodes() {
    }

    /** The QR code of {@code text}, {@code size} points wide. */
    static Image image(String text, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] bits = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) { // DeviceGray, one bit: 1 is white
                    bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        try {
            Image image = Image.getInstance(width, height, 1, 1, bits);
            image.setInterpolation(false);
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("a one-bit image of " + width + "x" + height + " is valid", e);
        }
    }
}
