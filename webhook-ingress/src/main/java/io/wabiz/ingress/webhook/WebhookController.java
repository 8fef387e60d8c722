package io.wabiz.ingress.webhook;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.WebhookReceived;
import io.wabiz.ingress.IngressProperties;
import io.wabiz.ingress.normalise.MalformedWebhookException;
import io.wabiz.ingress.normalise.NormalisedWebhook;
import io.wabiz.ingress.normalise.PhoneNumbers;
import io.wabiz.ingress.normalise.WebhookNormaliser;
import io.wabiz.ingress.publish.DurablePublisher;
import io.wabiz.ingress.publish.KafkaUnavailableException;
import io.wabiz.ingress.webhook.IngressMetrics.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook endpoint. A POST is checked in this order, and each refusal publishes nothing unless said:
 * size (413) - signature of the raw bytes (401) - shape (400, the raw body is still kept on the raw topic)
 * - known phone numbers (422) - then every record plus the raw body is published and acknowledged by
 * Kafka before Meta hears 200 (503 when Kafka cannot store it in time, so that Meta retries).
 */
@RestController
public class WebhookController {

    static final String PATH = "/webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final IngressProperties properties;
    private final WebhookSignature signature;
    private final WebhookNormaliser normaliser;
    private final DurablePublisher publisher;
    private final IngressMetrics metrics;
    private final Clock clock;
    private final byte[] verifyToken;

    public WebhookController(IngressProperties properties, WebhookSignature signature, WebhookNormaliser normaliser,
                             DurablePublisher publisher, IngressMetrics metrics, Clock clock) {
        this.properties = properties;
        this.signature = signature;
        this.normaliser = normaliser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.verifyToken = properties.verifyToken().getBytes(StandardCharsets.UTF_8);
    }

    /** The subscription handshake: echo the challenge only to someone who knows the verify token. */
    @GetMapping(path = PATH)
    public ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                         @RequestParam(name = "hub.verify_token", required = false) String token,
                                         @RequestParam(name = "hub.challenge", required = false) String challenge) {
        boolean tokenMatches = token != null
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && tokenMatches && challenge != null) {
            metrics.request(Outcome.VERIFIED);
            log.info("Webhook subscription verified");
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        metrics.request(Outcome.VERIFICATION_REFUSED);
        log.warn("Webhook verification refused (mode={}, token {})", mode, token == null ? "missing" : "wrong");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Forbidden");
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> receive(HttpServletRequest request,
                                     @RequestHeader(name = WebhookSignature.HEADER, required = false) String signed)
            throws IOException {
        byte[] body = readLimited(request);
        if (body == null) {
            metrics.request(Outcome.TOO_LARGE);
            log.warn("Webhook refused: body larger than {}", properties.maxBodySize());
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                    "The body is larger than " + properties.maxBodySize() + ".");
        }
        WebhookSignature.Verdict verdict = signature.verify(signed, body);
        if (verdict != WebhookSignature.Verdict.VALID) {
            metrics.signatureFailure(verdict);
            metrics.request(Outcome.INVALID_SIGNATURE);
            log.warn("Webhook refused: X-Hub-Signature-256 {} ({} bytes from {})",
                    verdict.name().toLowerCase(Locale.ROOT), body.length, request.getRemoteAddr());
            return problem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
                    "X-Hub-Signature-256 is missing or does not match the body.");
        }

        Instant receivedAt = clock.instant();
        String rawBody = new String(body, StandardCharsets.UTF_8);
        // the verified HMAC already stands for the body: hashing it is much cheaper than hashing the whole body
        // again, and a retry of the same body (same signature) gets the same id
        String rawId = UUID.nameUUIDFromBytes(("raw|" + signed.strip().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
        NormalisedWebhook webhook;
        try {
            webhook = normaliser.normalise(body, receivedAt);
        } catch (MalformedWebhookException e) {
            // kept for investigation: a signed body comes from Meta, so a shape we cannot read is our problem to study
            WebhookReceived raw = new WebhookReceived(rawId, receivedAt, null, rawBody, e.getMessage());
            if (!publish(List.of(raw))) {
                return kafkaUnavailable();
            }
            metrics.request(Outcome.MALFORMED);
            log.warn("Malformed webhook ({} bytes) kept on the raw topic as {}: {}", body.length, rawId,
                    PhoneNumbers.maskDigitsIn(e.getMessage()));
            return problem(HttpStatus.BAD_REQUEST, "malformed-webhook", "Malformed webhook", e.getMessage());
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
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-phone-number", "Unknown business phone number",
                    "This ingress does not serve business phone number id(s) " + unknown + ".");
        }

        List<TopicRecord> records = new ArrayList<>(webhook.records().size() + 1);
        records.add(new WebhookReceived(rawId, receivedAt, webhook.firstPhoneNumberId(), rawBody, null));
        records.addAll(webhook.records());
        if (!publish(records)) {
            return kafkaUnavailable();
        }
        records.forEach(metrics::published);
        metrics.request(Outcome.ACCEPTED);
        if (log.isDebugEnabled()) {
            log.debug("Webhook {} accepted: {} records", rawId, records.size());
        }
        return ResponseEntity.ok().build();
    }

    private boolean publish(List<TopicRecord> records) {
        try {
            publisher.publishAll(records);
            return true;
        } catch (KafkaUnavailableException e) {
            log.error("Webhook not stored, answering 503 so that Meta retries: {}", e.getMessage());
            return false;
        }
    }

    private ResponseEntity<ProblemDetail> kafkaUnavailable() {
        metrics.request(Outcome.KAFKA_UNAVAILABLE);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                "Temporarily unable to store the webhook", "Nothing was stored; please retry later.");
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    /** The body, or null when it is larger than the limit (read no further than one byte past it). */
    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return body.length > limit ? null : body;
        }
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:wabiz:ingress:" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
