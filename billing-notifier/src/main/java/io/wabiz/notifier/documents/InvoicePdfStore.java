package io.wabiz.notifier.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The rendered PDFs, one per invoice version: rendered once, then always the same bytes. */
public class InvoicePdfStore {

    private final MongoTemplate mongo;
    private final Clock clock;

    public InvoicePdfStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<StoredPdf> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredPdf.class));
    }

    /** The stored PDF of this invoice version, rendering and keeping it the first time. */
    public StoredPdf findOrRender(String invoiceId, String version, String filename, Supplier<byte[]> render) {
        String id = StoredPdf.idOf(invoiceId, version);
        Optional<StoredPdf> stored = find(id);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] bytes = render.get();
        StoredPdf pdf = new StoredPdf(id, invoiceId, filename, sha256(bytes), bytes, clock.instant());
        try {
            return mongo.insert(pdf);
        } catch (DuplicateKeyException raced) { // another delivery rendered it first: the same bytes, keep theirs
            return find(id).orElse(pdf);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
