package io.wabiz.notifier.documents;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rendered invoice PDF, kept so that every download of a link gives exactly the bytes that were sent.
 *
 * @param id the invoice id and the version rendered: {@code account.move/5531@20261124091502}
 */
@Document(StoredPdf.COLLECTION)
public record StoredPdf(@Id String id, String invoiceId, String filename, String sha256, byte[] bytes,
                        Instant createdAt) {

    public static final String COLLECTION = "invoice_pdfs";

    public static String idOf(String invoiceId, String version) {
        return invoiceId + "@" + version;
    }

    @Override
    public String toString() {
        return "StoredPdf[" + id + ", " + filename + ", " + (bytes == null ? 0 : bytes.length) + " bytes]";
    }
}
