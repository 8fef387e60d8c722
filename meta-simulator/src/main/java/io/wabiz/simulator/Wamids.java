package io.wabiz.simulator;

import java.security.SecureRandom;
import java.util.Base64;

/** Message ids shaped like Meta's ({@code wamid.} and base64 text). */
public final class Wamids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Wamids() {
    }

    public static String next() {
        byte[] bytes = new byte[27];
        RANDOM.nextBytes(bytes);
        return "wamid.HBgM" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
