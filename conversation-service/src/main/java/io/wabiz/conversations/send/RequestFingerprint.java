package io.wabiz.conversations.send;

import io.wabiz.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a staff request with an Idempotency-Key stands for, part by part: the endpoint (a reply names the message
 * it quotes), the user, the recipient and the body. The same request replays; any part that differs is a
 * conflict, named. Kept with the message (also once Meta accepted it) as {@code v2;endpoint=...;user=...;...},
 * each part a digest except the endpoint.
 */
final class RequestFingerprint {

    private static final String VERSION = "v2";
    private static final List<String> PARTS = List.of("endpoint", "user", "recipient", "body");

    private final Map<String, String> parts;

    private RequestFingerprint(Map<String, String> parts) {
        this.parts = parts;
    }

    static RequestFingerprint of(String endpoint, String user, String recipient, Object content, Object fallback) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("endpoint", endpoint);
        parts.put("user", digest(user));
        parts.put("recipient", digest(recipient));
        parts.put("body", digest(content, fallback));
        return new RequestFingerprint(parts);
    }

    String encoded() {
        StringBuilder out = new StringBuilder(VERSION);
        parts.forEach((name, value) -> out.append(';').append(name).append('=').append(value));
        return out.toString();
    }

    /**
     * The parts in which {@code stored} (an earlier request's {@link #encoded()} form) differs from this one;
     * empty when it is the same request, or when nothing was stored. An older form names the whole request.
     */
    List<String> differencesFrom(String stored) {
        if (stored == null) {
            return List.of();
        }
        if (!stored.startsWith(VERSION + ";")) {
            return List.of("request");
        }
        Map<String, String> earlier = new LinkedHashMap<>();
        for (String part : stored.substring(VERSION.length() + 1).split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                earlier.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        List<String> differences = new ArrayList<>();
        for (String name : PARTS) {
            if (!parts.get(name).equals(earlier.get(name))) {
                differences.add(name);
            }
        }
        return differences;
    }

    private static String digest(Object... values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object value : values) {
                digest.update((value == null ? "-" : value instanceof String s ? s : EventJson.toJson(value))
                        .getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
