package io.wabiz.ingress.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ingress' own meters (Prometheus names get {@code _total} / {@code _seconds} suffixes). */
public class IngressMetrics {

    public static final String REQUESTS = "ingress.webhook.requests";
    public static final String SIGNATURE_FAILURES = "ingress.webhook.signature.failures";
    public static final String UNKNOWN_PHONE_NUMBERS = "ingress.webhook.unknown.phone.numbers";
    public static final String RECORDS = "ingress.webhook.records";
    public static final String UNMODELLED_TYPES = "ingress.webhook.unmodelled.types";

    /** How a webhook request ended; the {@code outcome} tag of {@value #REQUESTS}. */
    public enum Outcome {
        ACCEPTED, VERIFIED, VERIFICATION_REFUSED, INVALID_SIGNATURE, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED,
        MALFORMED,
        UNKNOWN_PHONE_NUMBER, KAFKA_UNAVAILABLE, ERROR;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Map<String, Counter> unmodelledTypes = new ConcurrentHashMap<>();
    private final Counter unknownPhoneNumbers;

    public IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            requests.put(outcome, Counter.builder(REQUESTS).description("Webhook requests by how they ended")
                    .tag("outcome", outcome.tag()).register(registry));
        }
        for (WebhookSignature.Verdict verdict : WebhookSignature.Verdict.values()) {
            if (verdict != WebhookSignature.Verdict.VALID) {
                signatureFailures(verdict); // registered up front, so a dashboard shows 0 rather than nothing
            }
        }
        unknownPhoneNumbers = Counter.builder(UNKNOWN_PHONE_NUMBERS)
                .description("Signed webhook bodies refused because they name a phone number id this ingress does not serve")
                .register(registry);
    }

    public void request(Outcome outcome) {
        requests.get(outcome).increment();
    }

    public void signatureFailure(WebhookSignature.Verdict verdict) {
        signatureFailures(verdict).increment();
    }

    private Counter signatureFailures(WebhookSignature.Verdict verdict) {
        return Counter.builder(SIGNATURE_FAILURES)
                .description("POSTs refused because X-Hub-Signature-256 is missing or wrong")
                .tag("reason", verdict.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    public void unknownPhoneNumber() {
        unknownPhoneNumbers.increment();
    }

    public void published(TopicRecord record) {
        records.computeIfAbsent(record.getClass().getSimpleName(), type -> Counter.builder(RECORDS)
                .description("Records published to Kafka by type").tag("type", type).register(registry)).increment();
    }

    /** A message of a type the platform does not model, published as {@code Unsupported} with its raw JSON. */
    public void unmodelledType(String metaType) {
        unmodelledTypes.computeIfAbsent(metaType, type -> Counter.builder(UNMODELLED_TYPES)
                .description("Customer messages of a type the platform does not model (kept as unsupported, raw JSON)")
                .tag("type", type).register(registry)).increment();
    }
}
