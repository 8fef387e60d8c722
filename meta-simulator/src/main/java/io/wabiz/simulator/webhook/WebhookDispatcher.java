package io.wabiz.simulator.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs signed webhooks to the ingress, retrying a non-2xx answer or an I/O error with exponential
 * backoff (Meta retries for days; a few attempts are enough locally). Keeps the recent deliveries.
 */
public final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Clock clock;
    private final int logSize;
    private final Deque<WebhookDelivery> recent = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    public WebhookDispatcher(URI url, WebhookSigner signer, HttpClient http, ScheduledExecutorService scheduler,
                             int maxAttempts, Duration initialBackoff, Clock clock, int logSize) {
        this.url = url;
        this.signer = signer;
        this.http = http;
        this.scheduler = scheduler;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.clock = clock;
        this.logSize = logSize;
    }

    /** Sends now (in the background) and retries as needed. */
    public WebhookDelivery send(WebhookDelivery.Kind kind, String wamid, String status, String body) {
        WebhookDelivery delivery = remember(kind, wamid, status, body);
        scheduler.execute(() -> Thread.ofVirtual().start(() -> attempt(delivery, 1)));
        return delivery;
    }

    /** Sends once, synchronously, signed with a wrong key: the ingress must refuse it. */
    public ForgedAnswer sendForged(String body) {
        WebhookDelivery delivery = remember(WebhookDelivery.Kind.FORGED, null, null, body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String badSignature = new WebhookSigner("forged-" + Long.toHexString(System.nanoTime())).signature(bytes);
        try {
            HttpResponse<String> response = http.send(request(bytes, badSignature), HttpResponse.BodyHandlers.ofString());
            delivery.recordAttempt(response.statusCode(), null, is2xx(response.statusCode()));
            return new ForgedAnswer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            delivery.recordAttempt(null, e.toString(), false);
            return new ForgedAnswer(null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ForgedAnswer(null, null, "interrupted");
        }
    }

    public record ForgedAnswer(Integer httpStatus, String body, String error) {
    }

    public List<WebhookDelivery.View> recent(int limit) {
        synchronized (recent) {
            return recent.stream().limit(Math.max(0, limit)).map(WebhookDelivery::view).toList();
        }
    }

    public void forget() {
        synchronized (recent) {
            recent.clear();
        }
    }

    private WebhookDelivery remember(WebhookDelivery.Kind kind, String wamid, String status, String body) {
        WebhookDelivery delivery = new WebhookDelivery(ids.incrementAndGet(), clock.instant(), kind, wamid, status, body);
        synchronized (recent) {
            recent.addFirst(delivery);
            while (recent.size() > logSize) {
                recent.removeLast();
            }
        }
        return delivery;
    }

    private void attempt(WebhookDelivery delivery, int attempt) {
        byte[] bytes = delivery.body().getBytes(StandardCharsets.UTF_8);
        Integer status = null;
        String error = null;
        try {
            HttpResponse<String> response = http.send(request(bytes, signer.signature(bytes)),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (!is2xx(status)) {
                error = "HTTP " + status;
            }
        } catch (IOException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        delivery.recordAttempt(status, error, error == null);
        if (error == null) {
            return;
        }
        if (attempt >= maxAttempts || scheduler.isShutdown()) {
            delivery.giveUp();
            log.warn("Webhook {} to {} given up after {} attempts: {}", delivery.kind(), url, attempt, error);
            return;
        }
        long backoffMillis = initialBackoff.toMillis() << (attempt - 1);
        log.info("Webhook {} to {} failed ({}), attempt {} of {}, retrying in {} ms",
                delivery.kind(), url, error, attempt, maxAttempts, backoffMillis);
        scheduler.schedule(() -> Thread.ofVirtual().start(() -> attempt(delivery, attempt + 1)),
                backoffMillis, TimeUnit.MILLISECONDS);
    }

    private HttpRequest request(byte[] body, String signature) {
        return HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signature)
                .header("User-Agent", "facebookexternalua")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static boolean is2xx(int status) {
        return status >= 200 && status < 300;
    }
}
