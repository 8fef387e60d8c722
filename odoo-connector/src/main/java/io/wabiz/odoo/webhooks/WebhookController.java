package io.wabiz.odoo.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.rpc.OdooClient;
import io.wabiz.odoo.sync.ChangeSync;
import io.wabiz.odoo.sync.SyncedModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The receiver of Odoo 17+ automation webhooks ("Send Webhook Notification" server actions):
 * {@code POST /odoo/webhooks/<secret>} with {@code {"_model", "_id", "_action", ...fields}}. Odoo sends no signature,
 * so the secret is in the URL; it is compared in constant time and a wrong one answers 404. The answer comes at once
 * (Odoo waits at most 1 s and does not retry); the record is read a moment later.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final ChangeSync sync;
    private final WebhookReads reads;
    private final WebhookDedup dedup;
    private final byte[] secret;
    private final MeterRegistry meters;

    public WebhookController(ChangeSync sync, WebhookReads reads, ConnectorProperties properties,
                             MeterRegistry meters, Clock clock) {
        ConnectorProperties.Webhooks settings = properties.webhooks();
        this.sync = sync;
        this.reads = reads;
        this.dedup = new WebhookDedup(settings.dedupWindow(), clock);
        this.secret = settings.secret() == null ? null : settings.secret().getBytes(StandardCharsets.UTF_8);
        this.meters = meters;
    }

    @PostMapping("/odoo/webhooks/{secret}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable("secret") String given,
                                                @RequestBody(required = false) byte[] body) {
        if (secret == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            count("refused");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        JsonNode hook;
        try {
            hook = OdooClient.json().readTree(body == null ? new byte[0] : body);
        } catch (JacksonException e) {
            count("malformed");
            return ResponseEntity.badRequest().body(Map.of("error", "the body is not JSON"));
        }
        String model = hook.path("_model").asString(null);
        JsonNode id = hook.path("_id");
        if (model == null || !id.isIntegralNumber()) {
            count("malformed");
            return ResponseEntity.badRequest().body(Map.of("error",
                    "expected Odoo's webhook body: {\"_model\": ..., \"_id\": ..., ...}"));
        }
        SyncedModel synced = SyncedModel.of(model);
        if (!sync.follows(synced)) {
            count("ignored");
            return ResponseEntity.ok(Map.of("ignored", model + " is not synced"));
        }
        String key = model + "/" + id.longValue() + "@" + hook.path("write_date").asString(
                Integer.toHexString(hook.toString().hashCode()));
        if (!dedup.first(key)) {
            count("duplicate");
            return ResponseEntity.ok(Map.of("duplicate", true));
        }
        count("accepted");
        log.debug("Webhook {} for {} {}", hook.path("_action").asString(""), model, id.longValue());
        reads.schedule(synced, id.longValue(), hook);
        return ResponseEntity.ok(Map.of("accepted", true));
    }

    private void count(String outcome) {
        meters.counter("odoo.webhooks.received", "outcome", outcome).increment();
    }
}
