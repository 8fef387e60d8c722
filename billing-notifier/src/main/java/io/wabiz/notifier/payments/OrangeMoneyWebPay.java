package io.wabiz.notifier.payments;

import io.wabiz.events.EventJson;
import io.wabiz.notifier.payments.CallbackVerdict.SessionMatch;
import io.wabiz.notifier.payments.ProviderHttp.Answer;
import io.wabiz.notifier.payments.ProviderStatus.Status;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orange Money Web Payment ({@code api.orange.com}, "OM WebPay"): an OAuth client-credentials token
 * ({@code /oauth/v3/token}, cached until shortly before {@code expires_in}, fetched by one caller at a time, fetched
 * again once when a call answers 401 code 42), a web payment per session ({@code /orange-money-webpay/{country}/v1/
 * webpayment}: {@code pay_token}, {@code payment_url}, {@code notif_token}) and its status
 * ({@code /transactionstatus} with {@code order_id}, {@code amount} and {@code pay_token}). Callbacks carry no
 * signature: one is believed only if its {@code notif_token} is the one stored with the session, and even then
 * only after the status call confirms it. Orange cannot search by reference, so a lost create is never retried
 * under the same {@code order_id}.
 */
public final class OrangeMoneyWebPay implements PaymentLinkProvider {

    static final String NOTIF_TOKEN = "notif_token";

    /**
     * @param country      the path segment of the country's API: {@code dev} for the sandbox, {@code sn},
     *                     {@code ci}, {@code ml}… in production
     * @param wireCurrency what Orange is sent: {@code OUV} in the sandbox, the real currency in production
     * @param currencies   the invoice currencies this account charges ({@code XOF})
     * @param tokenSkew    how long before its expiry a token is replaced
     */
    public record Settings(String id, String displayName, URI baseUrl, String country, String clientId,
                           String clientSecret, String merchantKey, String wireCurrency, Set<String> currencies,
                           String reference, Duration tokenSkew, Duration connectTimeout, Duration timeout) {
        public Settings {
            Objects.requireNonNull(baseUrl, "Orange Money base URL");
            for (String[] required : new String[][]{{"country", country}, {"client id", clientId},
                    {"client secret", clientSecret}, {"merchant key", merchantKey}, {"currency", wireCurrency}}) {
                if (required[1] == null || required[1].isBlank()) {
                    throw new IllegalArgumentException("Orange Money needs its " + required[0]);
                }
            }
            boolean sandbox = country.equals("dev");
            if (sandbox != wireCurrency.equals("OUV")) {
                throw new IllegalArgumentException("Orange Money's sandbox (country dev) takes currency OUV and only it; "
                        + "got country " + country + " with currency " + wireCurrency);
            }
            currencies = currencies == null || currencies.isEmpty() ? Set.of("XOF") : Set.copyOf(currencies);
            tokenSkew = tokenSkew == null ? Duration.ofMinutes(2) : tokenSkew;
        }

        @Override
        public String toString() {
            return "OrangeMoney.Settings[" + id + ", " + baseUrl + ", " + country + ", " + wireCurrency + "]";
        }
    }

    private final Settings settings;
    private final ProviderHttp http;
    private final String base;
    private final Clock clock;
    private final ReentrantLock tokenLock = new ReentrantLock();
    private volatile Token token;

    public OrangeMoneyWebPay(Settings settings, Clock clock) {
        this.settings = settings;
        this.http = new ProviderHttp(settings.connectTimeout(), settings.timeout());
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.clock = clock;
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
        body.put("merchant_key", settings.merchantKey());
        body.put("currency", settings.wireCurrency());
        body.put("order_id", request.merchantReference());
        body.put("amount", request.amount().stripTrailingZeros().scale() <= 0
                ? request.amount().longValueExact() : request.amount().doubleValue());
        body.put("return_url", request.successUrl().toString());
        body.put("cancel_url", request.errorUrl().toString());
        if (request.notifyUrl() != null) {
            body.put("notif_url", request.notifyUrl().toString());
        }
        body.put("lang", request.language() == null ? "fr" : request.language());
        body.put("reference", truncate(settings.reference() != null ? settings.reference() : request.label(), 30));
        Answer answer = authorizedCall("/orange-money-webpay/" + settings.country() + "/v1/webpayment", body);
        return switch (answer) {
            case Answer.NotSent notSent -> new SessionOutcome.Rejected("provider-unavailable", notSent.cause());
            case Answer.NoAnswer none -> new SessionOutcome.Unknown(none.cause());
            case Answer.Received received when received.ok() -> created(received.body());
            case Answer.Received received when received.transientFailure() ->
                    new SessionOutcome.Unknown("HTTP " + received.status());
            case Answer.Received received -> new SessionOutcome.Rejected(
                    received.text("code") != null ? received.text("code") : "http-" + received.status(),
                    received.text("message"));
        };
    }

    @Override
    public ProviderStatus fetchStatus(ProviderSession session) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("order_id", session.merchantReference());
        body.put("amount", session.amount().stripTrailingZeros().scale() <= 0
                ? session.amount().longValueExact() : session.amount().doubleValue());
        body.put("pay_token", session.providerRef());
        Answer answer = authorizedCall("/orange-money-webpay/" + settings.country() + "/v1/transactionstatus", body);
        if (!(answer instanceof Answer.Received received) || !received.ok()) {
            return ProviderStatus.unknown(answer.toString());
        }
        String raw = received.text("status");
        Status status = switch (raw == null ? "" : raw) {
            case "INITIATED", "PENDING" -> Status.PENDING;
            case "SUCCESS" -> Status.SUCCEEDED;
            case "FAILED" -> Status.FAILED_FINAL;
            case "EXPIRED" -> Status.EXPIRED;
            default -> Status.UNKNOWN;
        };
        // Orange answers for the (order_id, amount, pay_token) we asked about: a SUCCESS is a payment of that amount
        return new ProviderStatus(status, raw, status == Status.SUCCEEDED ? session.amount() : null,
                status == Status.SUCCEEDED ? session.currency() : null, received.text("txnid"),
                status == Status.SUCCEEDED ? clock.instant() : null, null);
    }

    @Override
    public CallbackVerdict verifyCallback(InboundCallback callback) {
        JsonNode body;
        try {
            body = EventJson.mapper().readTree(callback.body());
        } catch (RuntimeException e) {
            return new CallbackVerdict.Rejected("body is not JSON");
        }
        String notifToken = ProviderHttp.text(body, NOTIF_TOKEN);
        String status = ProviderHttp.text(body, "status");
        if (notifToken == null || status == null) {
            return new CallbackVerdict.Rejected("not an Orange Money notification (no notif_token or status)");
        }
        String txnId = ProviderHttp.text(body, "txnid");
        // no delivery id: the transaction and status name it (the token itself stays out of ids and logs)
        return new CallbackVerdict.Verified("orange:" + status + ":" + (txnId == null ? "-" : txnId),
                new SessionMatch.BySecret(NOTIF_TOKEN, notifToken), status);
    }

    private SessionOutcome created(JsonNode body) {
        String payToken = ProviderHttp.text(body, "pay_token");
        String paymentUrl = ProviderHttp.text(body, "payment_url");
        String notifToken = ProviderHttp.text(body, NOTIF_TOKEN);
        if (payToken == null || paymentUrl == null || notifToken == null) {
            return new SessionOutcome.Unknown("Orange answered without pay_token, payment_url or notif_token");
        }
        return new SessionOutcome.Created(payToken, URI.create(paymentUrl), null, Map.of(NOTIF_TOKEN, notifToken));
    }

    /** A bearer call; an expired token (401, code 42) is replaced once and the call made again. */
    private Answer authorizedCall(String path, ObjectNode body) {
        Answer answer = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Token current = token(attempt > 0);
            if (current == null) {
                return new Answer.NotSent("no Orange access token");
            }
            answer = http.send(http.request(URI.create(base + path))
                    .header("Authorization", "Bearer " + current.value())
                    .header("Content-Type", "application/json")
                    .POST(ProviderHttp.json(body)).build());
            if (!(answer instanceof Answer.Received received && received.status() == 401
                    && "42".equals(received.text("code")))) {
                return answer;
            }
        }
        return answer;
    }

    /** The cached token, or a new one: only one caller asks Orange at a time; the others wait and reuse it. */
    private Token token(boolean replace) {
        Token seen = token;
        if (!replace && seen != null && seen.validAt(clock.instant(), settings.tokenSkew())) {
            return seen;
        }
        tokenLock.lock();
        try {
            Token now = token;
            boolean someoneRefreshed = now != null && now != seen;
            if (now != null && now.validAt(clock.instant(), settings.tokenSkew()) && (!replace || someoneRefreshed)) {
                return now;
            }
            String basic = Base64.getEncoder().encodeToString((settings.clientId() + ":" + settings.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            Answer answer = http.send(http.request(URI.create(base + "/oauth/v3/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (answer instanceof Answer.Received received && received.ok() && received.text("access_token") != null) {
                long seconds = received.body().path("expires_in").asLong(3600);
                token = new Token(received.text("access_token"), clock.instant().plusSeconds(seconds));
                return token;
            }
            token = null;
            return null;
        } finally {
            tokenLock.unlock();
        }
    }

    private record Token(String value, Instant expiresAt) {
        boolean validAt(Instant now, Duration skew) {
            return now.isBefore(expiresAt.minus(skew));
        }

        @Override
        public String toString() {
            return "Token[expires " + expiresAt + "]";
        }
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
