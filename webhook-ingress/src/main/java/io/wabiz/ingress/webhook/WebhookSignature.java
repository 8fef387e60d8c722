package io.wabiz.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header: {@code sha256=} and the hex HMAC-SHA256 of the raw
 * body bytes, keyed with one of the app secrets. Comparison is constant-time ({@link MessageDigest#isEqual}),
 * and every secret is tried, so the answer time says nothing about the expected value.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HMAC_SHA256_LENGTH = 32;

    public enum Verdict { VALID, MISSING, MALFORMED, MISMATCH }

    /** One initialised MAC per secret; each check works on a clone (cheaper than init, and thread-safe). */
    private final List<Mac> prototypes;

    public WebhookSignature(List<String> appSecrets) {
        if (appSecrets == null || appSecrets.isEmpty()) {
            throw new IllegalArgumentException("at least one app secret is needed");
        }
        this.prototypes = appSecrets.stream().map(WebhookSignature::macFor).toList();
    }

    public Verdict verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        byte[] claimed = parse(header.strip());
        if (claimed == null) {
            return Verdict.MALFORMED;
        }
        boolean matched = false;
        for (Mac prototype : prototypes) {
            matched |= MessageDigest.isEqual(claimed, copyOf(prototype).doFinal(body));
        }
        return matched ? Verdict.VALID : Verdict.MISMATCH;
    }

    /**
     * A stable id for a body whose signature {@link #verify verified}: the first 128 bits of its HMAC as a
     * version-8 (custom) UUID of RFC 9562, so that Meta's retry of the same body gets the same id.
     */
    public static UUID idOf(String validHeader) {
        String header = validHeader.strip();
        int hex = PREFIX.length();
        long high = HexFormat.fromHexDigitsToLong(header, hex, hex + 16);
        long low = HexFormat.fromHexDigitsToLong(header, hex + 16, hex + 32);
        return new UUID((high & ~0xF000L) | 0x8000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** The header value for {@code body} signed with {@code secret}, as Meta would send it. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(macFor(secret).doFinal(body));
    }

    private static byte[] parse(String header) {
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || header.length() != PREFIX.length() + 2 * HMAC_SHA256_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private static Mac macFor(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot clone", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[" + prototypes.size() + " secrets]";
    }
}
