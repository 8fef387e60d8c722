package io.wabiz.odoo.sync;

import io.wabiz.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digest of a mapped document: its JSON (the platform's own mapping) through SHA-256, 16 hex digits. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(Object document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.toJson(document)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
