package io.wabiz.notification.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of the platform's public invoice links, served by the billing-notifier ({@code /documents/{token}},
 * {@code /pay/{token}}) and issued by whoever sends such a link (the notifier, the reminder-scheduler, with the same
 * key): a purpose, fields and an expiry, HMAC-SHA256-signed with the current key (older keys still verify during a
 * rotation), in URL-safe base64 without padding. Nothing in a token can be changed or guessed without the key, so
 * links cannot be enumerated; what a token names is read back only after its signature and expiry are checked.
 */
public final class SignedTokens {

    /** {@code /pay/{token}}: fields invoice id, payment provider id ({@code wave}, {@code orange-money}). */
    public static final String PAY = "pay";
    /** {@code /documents/{token}}: field the stored PDF's id ({@code {invoiceId}@{version}}). */
    public static final String DOCUMENT = "document";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16; // 128 bits of HMAC-SHA256: unforgeable, and short links
    private static final char SEPARATOR = '\u001f';

    private final List<SecretKeySpec> keys;

    /** @param signingKey the current key (at least 32 bytes); {@code previousKeys} still verify */
    public SignedTokens(String signingKey, List<String> previousKeys) {
        List<SecretKeySpec> all = new ArrayList<>();
        all.add(key(signingKey));
        if (previousKeys != null) {
            previousKeys.stream().filter(k -> k != null && !k.isBlank()).map(SignedTokens::key).forEach(all::add);
        }
        this.keys = List.copyOf(all);
    }

    /** A token for {@code purpose} carrying {@code fields}, valid until {@code expiresAt}. */
    public String issue(String purpose, Instant expiresAt, String... fields) {
        StringBuilder payload = new StringBuilder(purpose).append(SEPARATOR).append(expiresAt.getEpochSecond());
        for (String field : fields) {
            if (field.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a token field cannot contain the separator");
            }
            payload.append(SEPARATOR).append(field);
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(keys.getFirst(), bytes));
    }

    /** What a token is: valid (with its fields), expired (signature good, past its time), or not ours at all. */
    public sealed interface Verdict {
        record Valid(List<String> fields, Instant expiresAt) implements Verdict {
        }

        record Expired(List<String> fields, Instant expiredAt) implements Verdict {
        }

        record Invalid() implements Verdict {
        }
    }

    public Verdict verify(String purpose, String token, Instant now) {
        Optional<byte[]> payload = authentic(token);
        if (payload.isEmpty()) {
            return new Verdict.Invalid();
        }
        String[] parts = new String(payload.get(), StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
        if (parts.length < 2 || !parts[0].equals(purpose)) {
            return new Verdict.Invalid();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return new Verdict.Invalid();
        }
        List<String> fields = List.of(Arrays.copyOfRange(parts, 2, parts.length));
        return now.isAfter(expiresAt) ? new Verdict.Expired(fields, expiresAt) : new Verdict.Valid(fields, expiresAt);
    }

    private Optional<byte[]> authentic(String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        for (SecretKeySpec key : keys) {
            if (MessageDigest.isEqual(sign(key, payload), signature)) {
                return Optional.of(payload);
            }
        }
        return Optional.empty();
    }

    private static byte[] sign(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static SecretKeySpec key(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("a link signing key needs at least 32 bytes (set it in the environment)");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
