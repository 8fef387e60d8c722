package io.wabiz.simulator;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.wabiz.simulator.faults.GraphFaults;
import io.wabiz.simulator.graph.GraphApi;
import io.wabiz.simulator.graph.GraphRequestLog;
import io.wabiz.simulator.templates.TemplateCatalogue;
import io.wabiz.simulator.webhook.WebhookDelivery;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;
import tools.jackson.databind.JsonNode;

/** The simulator's own endpoints: what it knows, what it saw, forged webhooks and a reset. */
@RestController
class SimulatorController {

    private final SimulatorProperties properties;
    private final BusinessNumbers phones;
    private final TemplateCatalogue templates;
    private final GraphApi graph;
    private final GraphRequestLog requests;
    private final WebhookDispatcher webhooks;
    private final WebhookPayloads payloads;
    private final SimulatorState state;
    private final Clock clock;
    private final GraphFaults faults;

    SimulatorController(SimulatorProperties properties, BusinessNumbers phones, TemplateCatalogue templates,
                        GraphApi graph, GraphRequestLog requests, WebhookDispatcher webhooks,
                        WebhookPayloads payloads, SimulatorState state, Clock clock, GraphFaults faults) {
        this.faults = faults;
        this.properties = properties;
        this.phones = phones;
        this.templates = templates;
        this.graph = graph;
        this.requests = requests;
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.state = state;
        this.clock = clock;
    }

    record Config(String webhookUrl, boolean autoRead, String windowCheck, List<SimulatorProperties.PhoneNumber> phoneNumbers,
                  List<JsonNode> templates) {
    }

    record Forge(String waId, String text) {
    }

    @GetMapping("/simulator/config")
    Config config() {
        return new Config(properties.webhookUrl(), properties.autoRead(), properties.windowCheck().name(),
                phones.all(), templates.all().stream().map(t -> (JsonNode) graph.templateJson(t)).toList());
    }

    @GetMapping("/simulator/requests")
    List<GraphRequestLog.Entry> requests(@RequestParam(defaultValue = "50") int limit) {
        return requests.recent(limit);
    }

    @GetMapping("/simulator/webhooks")
    List<WebhookDelivery.View> webhooks(@RequestParam(defaultValue = "50") int limit) {
        return webhooks.recent(limit);
    }

    /** A customer text webhook signed with a wrong key, sent once: the ingress must refuse it. */
    @PostMapping("/simulator/webhooks/forged")
    WebhookDispatcher.ForgedAnswer forged(@RequestBody(required = false) Forge body) {
        String waId = body != null && body.waId() != null ? body.waId() : "221770000001";
        String text = body != null && body.text() != null ? body.text() : "forged message";
        String webhook = payloads.customerMessage(phones.defaultNumber(), waId, "Forger",
                payloads.textMessage(waId, Wamids.next(), clock.instant(), text));
        return webhooks.sendForged(webhook);
    }

    @PostMapping("/simulator/reset")
    ResponseEntity<Void> reset() {
        state.reset();
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/simulator/version")
    Map<String, Long> version() {
        return Map.of("version", state.version());
    }
}
