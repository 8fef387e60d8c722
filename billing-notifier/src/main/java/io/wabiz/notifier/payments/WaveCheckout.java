package io.wabiz.notifier.payments;

import io.wabiz.events.EventJson;
import io.wabiz.notifier.payments.CallbackVerdict.SessionMatch;
import io.wabiz.notifier.payments.ProviderHttp.Answer;
import io.wabiz.notifier.payments.ProviderStatus.Status;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wave Checkout ({@code https://api.wave.com}, docs.wave.com/checkout and /webhook): sessions are created with the
 * amount as a string in currency units and only the documented fields (Wave refuses unknown ones), expire after
 * about 30 minutes ({@code when_expires}), and can be searched by our {@code client_reference}, which recovers a
 * create whose answer was lost. Webhooks are checked with the signing secret ({@code Wave-Signature: t=…,v1=…},
 * HMAC-SHA256 of the timestamp followed by the raw body, within a replay window) or the shared secret
 * ({@code Authorization: Bearer}), compared in constant time.
 */
public final class WaveCheckout implements PaymentLinkProvider {

    private static final Logger log = LoggerFactory.getLogger(WaveCheckout.class);

    /** How Wave authenticates its webhooks for this endpoint (chosen when it was registered in the portal). */
    public enum WebhookStrategy { SIGNING_SECRET, SHARED_SECRET }

    /**
     * @param id                   {@code wave}, or another id for a second account (or the local simulator)
     * @param apiKey               the Checkout API key ({@code wave_sn_prod_…}), from the environment
     * @param webhookSecret        the webhook's signing or shared secret, from the environment
     * @param replayWindow         how far a signed delivery's timestamp may be from now (5 minutes)
     * @param aggregatedMerchantId for aggregators only; null otherwise
     */
    public record Settings(String id, String displayName, URI baseUrl, String apiKey, WebhookStrategy webhookStrategy,
                           String webhookSecret, Duration replayWindow, String aggregatedMerchantId,
                           Set<String> currencies, Duration connectTimeout, Duration timeout) {
        public Settings {
            Objects.requireNonNull(baseUrl, "Wave base URL");
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("Wave needs an API key");
            }
            if (webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException("Wave needs the webhook secret to verify callbacks");
            }
            currencies = currencies == null || currencies.isEmpty() ? Set.of("XOF") : Set.copyOf(currencies);
        }

        @Override
        public String toString() {
            return "Wave.Settings[" + id + ", " + baseUrl + ", " + webhookStrategy + "]";
        }
    }

    private final Settings settings;
    private final ProviderHttp http;
    private final String base;

    public WaveCheckout(Settings settings) {
        this.settings = settings;
        this.http = new ProviderHttp(settings.connectTimeout(), settings.timeout());
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public Set<String> currencies() {
        return settings.currencies();
    }

    @Override
    public SessionOutcome createSession(SessionRequest request) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("amount", request.plainAmount());
        body.put("currency", request.currency());
        body.put("success_url", request.successUrl().toString());
        body.put("error_url", request.errorUrl().toString());
        body.put("client_reference", request.merchantReference());
        if (settings.aggregatedMerchantId() != null && !settings.aggregatedMerchantId().isBlank()) {
            body.put("aggregated_merchant_id", settings.aggregatedMerchantId());
        }
        Answer answer = http.send(authorized("/v1/checkout/sessions")
                .header("Content-Type", "application/json").POST(ProviderHttp.json(body)).build());
        return switch (answer) {
            case Answer.NotSent notSent -> new SessionOutcome.Rejected("provider-unavailable", notSent.cause());
            case Answer.NoAnswer none -> new SessionOutcome.Unknown(none.cause());
            case Answer.Received received when received.ok() -> created(received.body());
            case Answer.Received received when received.transientFailure() ->
                    new SessionOutcome.Unknown("HTTP " + received.status() + " " + received.text("code"));
            case Answer.Received received -> new SessionOutcome.Rejected(
                    Optional.ofNullable(received.text("code")).orElse("http-" + received.status()),
                    received.text("message"));
        };
    }

    @Override
    public Optional<SessionOutcome.Created> findByReference(String merchantReference) {
        Answer answer = http.send(authorized("/v1/checkout/sessions/search?client_reference="
                + URLEncoder.encode(merchantReference, StandardCharsets.UTF_8)).GET().build());
        if (!(answer instanceof Answer.Received received) || !received.ok()) {
            return Optional.empty();
        }
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode session : received.body().path("result")) {
            if ("open".equals(ProviderHttp.text(session, "checkout_status"))) {
                open.add(session);
            }
        }
        if (open.size() > 1) {
            log.warn("Wave has {} open sessions under reference {}: reusing the first", open.size(), merchantReference);
        }
        return open.isEmpty() ? Optional.empty()
                : created(open.getFirst()) instanceof SessionOutcome.Created created ? Optional.of(created)
                : Optional.empty();
    }

    @Override
    public ProviderStatus fetchStatus(ProviderSession session) {
        Answer answer = http.send(authorized("/v1/checkout/sessions/" + encode(session.providerRef())).GET().build());
        if (!(answer instanceof Answer.Received received) || !received.ok()) {
            return ProviderStatus.unknown(describe(answer));
        }
        return status(received.body());
    }

    @Override
    public void expire(ProviderSession session) {
        Answer answer = http.send(authorized("/v1/checkout/sessions/" + encode(session.providerRef()) + "/expire")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (!(answer instanceof Answer.Received received) || !received.ok()) {
            log.info("Wave session {} not expired: {}", session.providerRef(), describe(answer));
        }
    }

    @Override
    public CallbackVerdict verifyCallback(InboundCallback callback) {
        String problem = switch (settings.webhookStrategy()) {
            case SIGNING_SECRET -> checkSignature(callback);
            case SHARED_SECRET -> checkSharedSecret(callback);
        };
        if (problem != null) {
            return new CallbackVerdict.Rejected(problem);
        }
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(callback.body());
        } catch (RuntimeException e) {
            return new CallbackVerdict.Rejected("body is not JSON");
        }
        String type = ProviderHttp.text(event, "type");
        String eventId = ProviderHttp.text(event, "id");
        String sessionId = ProviderHttp.text(event.path("data"), "id");
        if (eventId == null || type == null) {
            return new CallbackVerdict.Rejected("not a Wave event (no id or type)");
        }
        if (!type.startsWith("checkout.session.") || sessionId == null) {
            return new CallbackVerdict.Ignored("event type " + type + " is not about a checkout session");
        }
        return new CallbackVerdict.Verified(eventId, new SessionMatch.ByProviderRef(sessionId), type);
    }

    /** Wave's session states, normalised. */
    static ProviderStatus status(JsonNode session) {
        String checkout = ProviderHttp.text(session, "checkout_status");
        String payment = ProviderHttp.text(session, "payment_status");
        JsonNode error = session.path("last_payment_error");
        String errorCode = error.isObject() ? ProviderHttp.text(error, "code") : null;
        Status status;
        if ("complete".equals(checkout) && "succeeded".equals(payment)) {
            status = Status.SUCCEEDED;
        } else if ("expired".equals(checkout)) {
            status = Status.EXPIRED;
        } else if ("complete".equals(checkout) && "cancelled".equals(payment)) {
            status = Status.FAILED_FINAL;
        } else if ("open".equals(checkout)) {
            status = errorCode != null ? Status.FAILED_RETRYABLE : Status.PENDING;
        } else {
            status = Status.UNKNOWN;
        }
        BigDecimal amount = amount(ProviderHttp.text(session, "amount"));
        return new ProviderStatus(status, checkout + "/" + payment, status == Status.SUCCEEDED ? amount : null,
                ProviderHttp.text(session, "currency"), ProviderHttp.text(session, "transaction_id"),
                instant(ProviderHttp.text(session, "when_completed")), errorCode);
    }

    private static SessionOutcome created(JsonNode session) {
        String id = ProviderHttp.text(session, "id");
        String launch = ProviderHttp.text(session, "wave_launch_url");
        if (id == null || launch == null) {
            return new SessionOutcome.Unknown("Wave answered without a session id or launch URL");
        }
        return new SessionOutcome.Created(id, URI.create(launch), instant(ProviderHttp.text(session, "when_expires")),
                null);
    }

    private String checkSignature(InboundCallback callback) {
        String header = callback.firstHeader("Wave-Signature");
        if (header == null) {
            return "no Wave-Signature header";
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return "Wave-Signature without t or v1";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "Wave-Signature timestamp is not a number";
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), callback.receivedAt()).abs();
        if (age.compareTo(settings.replayWindow()) > 0) {
            return "signed " + age.toSeconds() + " s from now, outside the " + settings.replayWindow().toSeconds()
                    + " s window";
        }
        byte[] expected = hmac(settings.webhookSecret(), timestamp, callback.body());
        for (String signature : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no v1 signature matches";
    }

    private String checkSharedSecret(InboundCallback callback) {
        String authorization = callback.firstHeader("Authorization");
        byte[] expected = ("Bearer " + settings.webhookSecret()).getBytes(StandardCharsets.UTF_8);
        if (authorization == null || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            return "Authorization does not carry the webhook secret";
        }
        return null;
    }

    /** HMAC-SHA256 of the timestamp immediately followed by the raw body (no separator). */
    static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return http.request(URI.create(base + path)).header("Authorization", "Bearer " + settings.apiKey());
    }

    private static String describe(Answer answer) {
        return switch (answer) {
            case Answer.NotSent notSent -> "not sent: " + notSent.cause();
            case Answer.NoAnswer none -> "no answer: " + none.cause();
            case Answer.Received received -> "HTTP " + received.status() + " " + received.text("code");
        };
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
