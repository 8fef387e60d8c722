package io.wabiz.simulator.payments;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated provider's checkout sessions, in memory. */
public final class CheckoutSessions {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** One session, in Wave's vocabulary. */
    public record Session(String id, String amount, String currency, String clientReference, String successUrl,
                          String errorUrl, String checkoutStatus, String paymentStatus, String transactionId,
                          Instant createdAt, Instant expiresAt, Instant completedAt) {

        Session complete(String transaction, Instant at) {
            return new Session(id, amount, currency, clientReference, successUrl, errorUrl, "complete", "succeeded",
                    transaction, createdAt, expiresAt, at);
        }

        Session expire(Instant at) {
            return new Session(id, amount, currency, clientReference, successUrl, errorUrl, "expired", paymentStatus,
                    transactionId, createdAt, expiresAt, at);
        }

        /** As the provider reports it now: an open session past its time is expired. */
        Session asOf(Instant now) {
            return "open".equals(checkoutStatus) && now.isAfter(expiresAt) ? expire(expiresAt) : this;
        }
    }

    public Session create(String amount, String currency, String clientReference, String successUrl, String errorUrl,
                          Instant now, Instant expiresAt) {
        String id = "cos-" + token(14);
        Session session = new Session(id, amount, currency, clientReference, successUrl, errorUrl, "open",
                "processing", null, now, expiresAt, null);
        sessions.put(id, session);
        return session;
    }

    public Optional<Session> find(String id, Instant now) {
        return Optional.ofNullable(sessions.get(id)).map(s -> s.asOf(now));
    }

    public List<Session> byReference(String clientReference, Instant now) {
        List<Session> found = new ArrayList<>();
        sessions.values().stream().filter(s -> clientReference.equals(s.clientReference()))
                .forEach(s -> found.add(s.asOf(now)));
        return found;
    }

    public Optional<Session> pay(String id, Instant now) {
        return find(id, now).filter(s -> "open".equals(s.checkoutStatus()))
                .map(s -> sessions.compute(id, (k, current) -> current.complete("T" + token(16).toUpperCase(), now)));
    }

    public Optional<Session> expire(String id, Instant now) {
        return find(id, now).filter(s -> "open".equals(s.checkoutStatus()))
                .map(s -> sessions.compute(id, (k, current) -> current.expire(now)));
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
