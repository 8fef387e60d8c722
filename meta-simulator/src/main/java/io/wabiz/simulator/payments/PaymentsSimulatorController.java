package io.wabiz.simulator.payments;

import io.wabiz.events.EventJson;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment provider for the local stack, speaking Wave's Checkout API under {@code /wave} (create, read, search,
 * expire a session) so the notifier's real Wave adapter talks to it, and showing the checkout a customer's phone
 * opens ({@code /payments/checkout/{id}}): "Payer" completes the session, sends Wave's signed
 * {@code checkout.session.completed} webhook to the notifier and returns the browser to the success URL.
 */
@RestController
class PaymentsSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(PaymentsSimulatorController.class);

    private final CheckoutSessions sessions = new CheckoutSessions();
    private final PaymentsSimulatorProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    PaymentsSimulatorController(PaymentsSimulatorProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @PostMapping("/wave/v1/checkout/sessions")
    ResponseEntity<JsonNode> create(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                    @RequestBody String body, HttpServletRequest request) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return error(HttpStatus.UNAUTHORIZED, "missing-auth-header", "Authorization: Bearer <api key> is required");
        }
        JsonNode json = EventJson.mapper().readTree(body);
        for (String field : json.propertyNames()) {
            if (!List.of("amount", "currency", "success_url", "error_url", "client_reference",
                    "restrict_payer_mobile", "aggregated_merchant_id").contains(field)) {
                return error(HttpStatus.BAD_REQUEST, "request-validation-error", "extra fields not permitted: " + field);
            }
        }
        if (!json.path("amount").isString() || json.path("success_url").isMissingNode()) {
            return error(HttpStatus.BAD_REQUEST, "request-validation-error", "amount (a string) and success_url are required");
        }
        Instant now = clock.instant();
        CheckoutSessions.Session session = sessions.create(json.path("amount").asString(),
                json.path("currency").asString("XOF"), text(json, "client_reference"), text(json, "success_url"),
                text(json, "error_url"), now, now.plus(properties.sessionLifetime()));
        log.info("Checkout session {} opened for {} {}", session.id(), session.amount(), session.currency());
        return ResponseEntity.ok((JsonNode) json(session, request));
    }

    @GetMapping("/wave/v1/checkout/sessions/{id}")
    ResponseEntity<JsonNode> read(@PathVariable String id, HttpServletRequest request) {
        return sessions.find(id, clock.instant()).<ResponseEntity<JsonNode>>map(s -> ResponseEntity.ok(json(s, request)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "checkout-session-not-found", "no session " + id));
    }

    @GetMapping("/wave/v1/checkout/sessions/search")
    ResponseEntity<JsonNode> search(@RequestParam("client_reference") String reference, HttpServletRequest request) {
        ObjectNode answer = EventJson.mapper().createObjectNode();
        var result = answer.putArray("result");
        sessions.byReference(reference, clock.instant()).forEach(s -> result.add(json(s, request)));
        return ResponseEntity.ok((JsonNode) answer);
    }

    @PostMapping("/wave/v1/checkout/sessions/{id}/expire")
    ResponseEntity<Void> expire(@PathVariable String id) {
        sessions.expire(id, clock.instant());
        return ResponseEntity.ok().build();
    }

    @GetMapping(value = "/payments/checkout/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> checkout(@PathVariable String id) {
        var found = sessions.find(id, clock.instant());
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Session inconnue", "<p>Aucune session " + escape(id) + ".</p>");
        }
        CheckoutSessions.Session s = found.get();
        if (!"open".equals(s.checkoutStatus())) {
            return page(HttpStatus.OK, "Session " + s.checkoutStatus(), "<p>Cette session est "
                    + escape(s.checkoutStatus()) + ". Rouvrez le lien de paiement de la facture.</p>");
        }
        return page(HttpStatus.OK, "Payer " + escape(s.amount()) + " " + escape(s.currency()), """
                <p class="amount" data-testid="checkout-amount">%s %s</p><p>Référence : %s</p>
                <form method="post" action="/payments/checkout/%s/pay"><button id="pay" data-testid="checkout-pay">Payer</button></form>
                <form method="post" action="/payments/checkout/%s/cancel"><button id="cancel" data-testid="checkout-cancel" class="secondary">Annuler</button></form>
                <p class="note">Simulateur de paiement (Wave Checkout) du stack local : aucun argent ne circule.</p>"""
                .formatted(escape(s.amount()), escape(s.currency()), escape(String.valueOf(s.clientReference())),
                        escape(s.id()), escape(s.id())));
    }

    @PostMapping("/payments/checkout/{id}/pay")
    ResponseEntity<String> pay(@PathVariable String id, HttpServletRequest request) {
        var paid = sessions.pay(id, clock.instant());
        if (paid.isEmpty()) {
            return page(HttpStatus.CONFLICT, "Session fermée", "<p>Cette session n'est plus ouverte.</p>");
        }
        notifyPaid(paid.get(), request);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, paid.get().successUrl()).build();
    }

    @PostMapping("/payments/checkout/{id}/cancel")
    ResponseEntity<String> cancel(@PathVariable String id) {
        return sessions.find(id, clock.instant()).map(s -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .header(HttpHeaders.LOCATION, s.errorUrl()).<String>build())
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "Session inconnue", "<p>Aucune session.</p>"));
    }

    /** Wave's webhook: {@code Wave-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + body)>}. */
    private void notifyPaid(CheckoutSessions.Session session, HttpServletRequest request) {
        if (properties.webhookUrl() == null) {
            return;
        }
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("id", "AE_sim_" + UUID.randomUUID());
        event.put("type", "checkout.session.completed");
        event.set("data", json(session, request));
        byte[] body = EventJson.toBytes(event);
        String t = String.valueOf(clock.instant().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(t.getBytes(StandardCharsets.UTF_8));
            String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(properties.webhookUrl())
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Wave-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            log.info("Webhook for session {} answered {}", session.id(), answer.statusCode());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } catch (java.io.IOException e) {
            log.warn("Webhook for session {} not delivered: {}", session.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode json(CheckoutSessions.Session s, HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("id", s.id());
        node.put("amount", s.amount());
        node.put("currency", s.currency());
        node.put("business_name", "Simulateur");
        node.put("checkout_status", s.checkoutStatus());
        node.put("payment_status", s.paymentStatus());
        node.put("client_reference", s.clientReference());
        node.put("success_url", s.successUrl());
        node.put("error_url", s.errorUrl());
        node.put("wave_launch_url", base + "/payments/checkout/" + s.id());
        node.put("transaction_id", s.transactionId());
        node.putNull("last_payment_error");
        node.put("when_created", s.createdAt().toString());
        node.put("when_expires", s.expiresAt().toString());
        node.put("when_completed", s.completedAt() == null ? null : s.completedAt().toString());
        return node;
    }

    private static ResponseEntity<JsonNode> error(HttpStatus status, String code, String message) {
        JsonNode body = EventJson.mapper().createObjectNode().put("code", code).put("message", message);
        return ResponseEntity.status(status).body(body);
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String content) {
        String html = """
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}
                .amount{font-size:2rem;font-weight:bold;color:#1dc3ff}button{width:100%%;padding:.9rem;margin:.4rem 0;
                font-size:1.1rem;border:0;border-radius:.6rem;background:#1dc3ff;color:#fff}
                button.secondary{background:#ddd;color:#333}.note{color:#777;font-size:.85rem}</style></head>
                <body><h1>%s</h1>%s</body></html>""".formatted(title, title, content);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
