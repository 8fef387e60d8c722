package io.wabiz.ops;

import io.wabiz.events.EventJson;
import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.WebhookReceived;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code raw-webhooks replay --since <instant> [--until <instant>] [--phone-number-id <id>] --ingress <url>}: posts
 * the raw webhook bodies kept on {@code whatsapp.webhook.raw} to the ingress again, signed with the app secret from
 * {@code INGRESS_APP_SECRET}, as Meta would. For a normaliser fixed after a bad release: consumers deduplicate by
 * {@code wamid}, so what was processed once changes nothing. Stops at the first 5xx (the ingress could not make it
 * durable), so that a replay never skips a body silently.
 */
final class RawWebhookReplay {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KafkaAccess kafka;
    private final PrintStream out;

    RawWebhookReplay(KafkaAccess kafka, PrintStream out) {
        this.kafka = kafka;
        this.out = out;
    }

    /** @return how many bodies the ingress accepted */
    int replay(Instant since, Instant until, String phoneNumberId, URI ingress, String appSecret, boolean dryRun) {
        if (since == null) {
            throw new UsageException("--since <instant> is required (for example 2026-12-01T08:00:00Z)");
        }
        if (!dryRun && (appSecret == null || appSecret.isBlank())) {
            throw new UsageException("set INGRESS_APP_SECRET: the ingress accepts only signed bodies");
        }
        int[] counts = new int[3]; // accepted, refused, skipped
        new TopicReader(kafka).read(Topics.WEBHOOK_RAW, since, record -> {
            if (until != null && record.timestamp() > until.toEpochMilli()) {
                counts[2]++;
                return;
            }
            WebhookReceived raw = EventJson.fromJson(record.value(), WebhookReceived.class);
            if (phoneNumberId != null && !phoneNumberId.equals(raw.businessPhoneNumberId())) {
                counts[2]++;
                return;
            }
            if (dryRun) {
                out.printf("would replay %s (%s, %d bytes)%n", raw.id(), raw.occurredAt(), raw.rawBody().length());
                counts[0]++;
                return;
            }
            int status = post(ingress, raw.rawBody(), appSecret);
            if (status >= 500) {
                throw new IllegalStateException("the ingress answered " + status + " for " + raw.id() + " (" + raw.occurredAt()
                        + "): stopped after " + counts[0] + " accepted; rerun with --since " + raw.occurredAt());
            }
            counts[status == 200 ? 0 : 1]++;
            out.printf("%s %s -> %d%n", raw.id(), raw.occurredAt(), status);
        });
        out.printf("%d %s, %d refused by the ingress, %d outside the selection%n", counts[0],
                dryRun ? "would be replayed" : "accepted", counts[1], counts[2]);
        return counts[0];
    }

    private static int post(URI ingress, String body, String appSecret) {
        try {
            HttpRequest request = HttpRequest.newBuilder(ingress).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + hmac(appSecret, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the ingress at " + ingress + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
