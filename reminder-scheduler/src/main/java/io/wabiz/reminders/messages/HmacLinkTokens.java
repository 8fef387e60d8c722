package io.wabiz.reminders.messages;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens {@code base64url(invoiceId).base64url(HMAC-SHA256(secret, purpose + ":" + invoiceId))}: stable (a
 * reminder's link never expires, the provider's session behind it does) and unguessable without the secret, which
 * the service that serves the links shares. Used until the platform's own link-token scheme is on main.
 */
public final class HmacLinkTokens implements LinkTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MINIMUM_SECRET_BYTES = 32;

    private final SecretKeySpec key;

    public HmacLinkTokens(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the link signing secret needs at least " + MINIMUM_SECRET_BYTES
                    + " bytes (reminders.links.signing-secret, from the environment)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String token(String purpose, String invoiceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal((purpose + ":" + invoiceId).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(invoiceId.getBytes(StandardCharsets.UTF_8)) + "."
                    + BASE64URL.encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "HmacLinkTokens[secret hidden]";
    }
}
