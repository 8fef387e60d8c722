package io.wabiz.ingress.webhook;

import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.WebhookReceived;
import io.wabiz.ingress.IngressProperties;
import io.wabiz.ingress.normalise.MalformedWebhookException;
import io.wabiz.ingress.normalise.NormalisedWebhook;
import io.wabiz.ingress.normalise.WebhookNormaliser;
import io.wabiz.ingress.publish.DurablePublisher;
import io.wabiz.ingress.publish.KafkaUnavailableException;
import io.wabiz.ingress.webhook.IngressMetrics.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook endpoint. A POST is checked in this order, and each refusal publishes nothing unless said:
 * content type (415) - size (413) - signature of the raw bytes (401) - shape (400, the raw body is still kept
 * on the raw topic) - known phone numbers (422) - then every record plus the raw body is published and
 * acknowledged by Kafka before Meta hears 200 (503 when Kafka cannot store it in time, so that Meta retries).
 *
 * <p>It runs on the server's event loops: the checks take microseconds of CPU, and the wait for Kafka's
 * acknowledgement holds no thread (the response is written when the producer completes the sends).
 */
public class WebhookHandler {

    static final String PATH = "/webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    private static final byte[] NO_BODY = new byte[0];
    private static final JsonMapper PROBLEM_JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private final IngressProperties properties;
    private final WebhookSignature signature;
    private final WebhookNormaliser normaliser;
    private final DurablePublisher publisher;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final byte[] verifyToken;
    private final int maxBodyBytes;

    public WebhookHandler(IngressProperties properties, WebhookSignature signature, WebhookNormaliser normaliser,
                          DurablePublisher publisher, IngressMetrics metrics, Clock clock) {
        this.properties = properties;
        this.signature = signature;
        this.normaliser = normaliser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.verifyToken = properties.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxBodySize().toBytes());
    }

    /** The subscription handshake: echo the challenge only to someone who knows the verify token. */
    public Mono<ServerResponse> verify(ServerRequest request) {
        String mode = request.queryParam("hub.mode").orElse(null);
        String token = request.queryParam("hub.verify_token").orElse(null);
        String challenge = request.queryParam("hub.challenge").orElse(null);
        boolean tokenMatches = token != null
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && tokenMatches && challenge != null) {
            metrics.request(Outcome.VERIFIED);
            log.info("Webhook subscription verified");
            return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(challenge);
        }
        metrics.request(Outcome.VERIFICATION_REFUSED);
        log.warn("Webhook verification refused (mode={}, token {})", mode, token == null ? "missing" : "wrong");
        return ServerResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).bodyValue("Forbidden");
    }

    /**
     * {@code POST /webhook}, served straight on the server's request and response rather than through WebFlux's
     * dispatcher (see {@link WebhookHotPath}): it is the one path that carries Meta's traffic.
     */
    public Mono<Void> receive(ServerHttpRequest request, ServerHttpResponse response) {
        return Mono.defer(() -> checkAndPublish(request, response))
                .onErrorResume(error -> respond(response, unexpected(error)));
    }

    private Mono<Void> checkAndPublish(ServerHttpRequest request, ServerHttpResponse response) {
        MediaType contentType = contentType(request);
        if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            metrics.request(Outcome.UNSUPPORTED_MEDIA_TYPE);
            return respond(response, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Content-Type must be application/json, not "
                            + (contentType == null ? "missing or invalid" : contentType) + "."));
        }
        if (request.getHeaders().getContentLength() > maxBodyBytes) {
            return respond(response, tooLarge());
        }
        // read no further than one buffer past the limit
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(WebhookHandler::bytes)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> checkAndPublish(request, body))
                .onErrorResume(DataBufferLimitException.class, tooBig -> Mono.just(tooLarge()))
                .flatMap(answer -> respond(response, answer));
    }

    private Mono<Answer> checkAndPublish(ServerHttpRequest request, byte[] body) {
        String signed = request.getHeaders().getFirst(WebhookSignature.HEADER);
        WebhookSignature.Verdict verdict = signature.verify(signed, body);
        if (verdict != WebhookSignature.Verdict.VALID) {
            metrics.signatureFailure(verdict);
            metrics.request(Outcome.INVALID_SIGNATURE);
            log.warn("Webhook refused: X-Hub-Signature-256 {} ({} bytes from {})",
                    verdict.name().toLowerCase(Locale.ROOT), body.length,
                    request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getHostString());
            return Mono.just(problem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
                    "X-Hub-Signature-256 is missing or does not match the body."));
        }

        Instant receivedAt = clock.instant();
        String rawBody = new String(body, StandardCharsets.UTF_8);
        // the verified HMAC already stands for the body, and a retry of the same body gets the same id
        String rawId = WebhookSignature.idOf(signed).toString();
        NormalisedWebhook webhook;
        try {
            webhook = normaliser.normalise(body, receivedAt);
        } catch (MalformedWebhookException e) {
            // kept for investigation: a signed body comes from Meta, so a shape we cannot read is our problem to study
            WebhookReceived raw = new WebhookReceived(rawId, receivedAt, null, rawBody, e.getMessage());
            return publishThen(List.of(raw), () -> {
                metrics.request(Outcome.MALFORMED);
                log.warn("Malformed webhook ({} bytes) kept on the raw topic as {}: {}", body.length, rawId,
                        PhoneMasking.maskDigitRunsIn(e.getMessage()));
                return problem(HttpStatus.BAD_REQUEST, "malformed-webhook", "Malformed webhook", e.getMessage());
            });
        }

        List<String> unknown = webhook.phoneNumberIds().stream()
                .filter(id -> !properties.knownPhoneNumberIds().contains(id)).toList();
        if (!unknown.isEmpty()) {
            // Not 200 on purpose: nothing of this body is stored, and a 2xx would make Meta forget it forever.
            // A non-2xx keeps it in Meta's retry queue (up to 7 days), so once ops add the number to
            // ingress.known-phone-number-ids the next retry goes through and nothing is lost. 422 rather than
            // 5xx: the ingress is healthy, the body is understood, the configuration refuses it.
            metrics.unknownPhoneNumber();
            metrics.request(Outcome.UNKNOWN_PHONE_NUMBER);
            log.warn("Webhook refused: business phone number id(s) {} not in ingress.known-phone-number-ids; "
                    + "nothing published, Meta will retry", unknown);
            return Mono.just(problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-phone-number",
                    "Unknown business phone number",
                    "This ingress does not serve business phone number id(s) " + unknown + "."));
        }

        List<TopicRecord> records = new ArrayList<>(webhook.records().size() + 1);
        records.add(new WebhookReceived(rawId, receivedAt, webhook.firstPhoneNumberId(), rawBody, null));
        records.addAll(webhook.records());
        return publishThen(records, () -> {
            records.forEach(metrics::published);
            webhook.unmodelledTypes().forEach(metrics::unmodelledType);
            metrics.request(Outcome.ACCEPTED);
            if (log.isDebugEnabled()) {
                log.debug("Webhook {} accepted: {} records", rawId, records.size());
            }
            return Answer.OK;
        });
    }

    /** Publishes the records and answers with {@code then} once Kafka acknowledged all of them, else 503. */
    private Mono<Answer> publishThen(List<TopicRecord> records, Supplier<Answer> then) {
        // the future is not cancelled with the request: once sent, a record is stored whether Meta still listens or not
        return Mono.fromFuture(() -> publisher.publishAll(records), true)
                .then(Mono.fromSupplier(then))
                .onErrorResume(KafkaUnavailableException.class, e -> {
                    log.error("Webhook not acknowledged by Kafka, answering 503 so that Meta retries: {}", e.getMessage());
                    metrics.request(Outcome.KAFKA_UNAVAILABLE);
                    // some of the body's records may have been stored before the failure (their acks lost, or
                    // a later record refused): the answer says what is known, and a retry is deduplicated
                    return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                            "Temporarily unable to store the webhook",
                            "The webhook could not be stored completely (part of it may have been); please retry"
                                    + " later: a retry is deduplicated.",
                            HttpHeaders.RETRY_AFTER, "10"));
                });
    }

    private static MediaType contentType(ServerHttpRequest request) {
        try {
            return request.getHeaders().getContentType();
        } catch (InvalidMediaTypeException unreadable) {
            return null;
        }
    }

    private static Mono<Void> respond(ServerHttpResponse response, Answer answer) {
        response.setStatusCode(answer.status());
        answer.headers().forEach(response.getHeaders()::add);
        if (answer.problemJson() == null) {
            return response.setComplete();
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.problemJson())));
    }

    /** Any other method on the webhook path. */
    public Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
        metrics.request(Outcome.METHOD_NOT_ALLOWED);
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                request.method() + " is not supported here; Meta uses GET (verification) and POST (events).",
                HttpHeaders.ALLOW, HttpMethod.GET.name() + ", " + HttpMethod.POST.name()));
    }

    /** Whatever escaped a functional route on the webhook path. */
    public Mono<ServerResponse> unexpected(Throwable error, ServerRequest request) {
        return respond(unexpected(error));
    }

    /** Logged with its stack trace here, never shown to the caller. */
    private Answer unexpected(Throwable error) {
        metrics.request(Outcome.ERROR);
        log.error("Unexpected error while handling a webhook", error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The webhook could not be handled; nothing was acknowledged.");
    }

    private Answer tooLarge() {
        metrics.request(Outcome.TOO_LARGE);
        log.warn("Webhook refused: body larger than {}", properties.maxBodySize());
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                "The body is larger than " + properties.maxBodySize() + ".");
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<ServerResponse> respond(Answer answer) {
        ServerResponse.BodyBuilder response = ServerResponse.status(answer.status());
        answer.headers().forEach(response::header);
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(answer.problemJson());
    }

    /** An RFC 9457 problem (rendered as Spring renders {@link ProblemDetail}), with header name/value pairs. */
    static Answer problem(HttpStatus status, String type, String title, String detail, String... headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:wabiz:ingress:" + type));
        problem.setTitle(title);
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            named.put(headers[i], headers[i + 1]);
        }
        return new Answer(status, PROBLEM_JSON.writeValueAsBytes(problem), named);
    }

    /** What a request gets: a status, a problem body unless it succeeded, and extra headers. */
    record Answer(HttpStatus status, byte[] problemJson, Map<String, String> headers) {

        static final Answer OK = new Answer(HttpStatus.OK, null, Map.of());
    }
}
