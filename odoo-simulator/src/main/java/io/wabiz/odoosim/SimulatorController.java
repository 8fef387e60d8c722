package io.wabiz.odoosim;

import io.wabiz.odoosim.faults.Fault;
import io.wabiz.odoosim.faults.Faults;
import io.wabiz.odoosim.jsonrpc.RpcLog;
import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.RecordWrites;
import io.wabiz.odoosim.webhooks.AutomationRule;
import io.wabiz.odoosim.webhooks.AutomationWebhooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The stand-in's own endpoints: what it saw, its automation rules, faults, key revocation, bulk data, reset. */
@RestController
class SimulatorController {

    private final OdooServer server;
    private final AutomationWebhooks webhooks;
    private final Faults faults;
    private final RpcLog rpcLog;
    private final SimulatorProperties properties;

    SimulatorController(OdooServer server, AutomationWebhooks webhooks, Faults faults, RpcLog rpcLog,
                        SimulatorProperties properties) {
        this.server = server;
        this.webhooks = webhooks;
        this.faults = faults;
        this.rpcLog = rpcLog;
        this.properties = properties;
    }

    record Version(long version) {
    }

    record KeyState(boolean revoked) {
    }

    record FaultState(Fault fault, int hits) {
    }

    /**
     * Bulk data for benchmarks: {@code count} orders of {@code linesPerOrder} lines each for the partner, in one
     * transaction; {@code withWebhooks} false makes it an import that fires no automation.
     */
    record BulkOrders(int count, Integer linesPerOrder, Long partnerId, Boolean withWebhooks) {
    }

    @GetMapping("/simulator/version")
    Version version() {
        return new Version(server.database().changes());
    }

    @GetMapping("/simulator/config")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("version", server.settings().version().serverVersion());
        config.put("database", server.settings().database());
        config.put("users", server.settings().users().stream().map(u -> Map.of("uid", u.uid(), "login", u.login(),
                "name", u.name(), "administrator", u.administrator())).toList());
        config.put("whatsappFields", server.settings().whatsappFields());
        config.put("postsPerChange", properties.webhooks().postsPerChange());
        config.put("webhooksAfterCommit", properties.webhooks().afterCommit());
        return config;
    }

    @GetMapping("/simulator/rpc-log")
    List<RpcLog.Entry> rpcLog(@RequestParam(defaultValue = "100") int limit) {
        return rpcLog.recent(limit);
    }

    @GetMapping("/simulator/webhooks")
    List<AutomationWebhooks.Delivery> webhooks(@RequestParam(defaultValue = "50") int limit) {
        return webhooks.recent(limit);
    }

    @GetMapping("/simulator/automations")
    List<AutomationRule> automations() {
        return webhooks.rules();
    }

    @PutMapping("/simulator/automations")
    List<AutomationRule> replaceAutomations(@RequestBody List<SimulatorProperties.Rule> rules) {
        webhooks.replaceRules(SimulatorConfiguration.rules(rules));
        return webhooks.rules();
    }

    @GetMapping("/simulator/faults")
    FaultState fault() {
        return new FaultState(faults.current().orElse(null), faults.hits());
    }

    @PutMapping("/simulator/faults")
    FaultState setFault(@RequestBody Fault fault) {
        faults.set(fault);
        return fault();
    }

    @DeleteMapping("/simulator/faults")
    FaultState clearFault() {
        faults.clear();
        return fault();
    }

    @PutMapping("/simulator/users/{uid}/key")
    KeyState revokeKey(@PathVariable long uid, @RequestBody KeyState state) {
        server.user(uid);
        server.revokeKey(uid, state.revoked());
        return state;
    }

    @PostMapping("/simulator/bulk/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> bulkOrders(@RequestBody BulkOrders body) {
        if (body.count() < 1 || body.count() > 100_000) {
            throw new IllegalArgumentException("count must be between 1 and 100000");
        }
        int lines = body.linesPerOrder() == null ? 3 : body.linesPerOrder();
        long partner = body.partnerId() == null ? 42 : body.partnerId();
        OdooServer.User user = server.settings().users().getFirst();
        Env env = server.env(user, Map.of());
        List<Long> ids = new ArrayList<>();
        // an import in transactions of a hundred orders, as Odoo's own import commits in batches
        for (int first = 0; first < body.count(); first += 100) {
            int from = first;
            int to = Math.min(body.count(), first + 100);
            java.util.function.Function<io.wabiz.odoosim.orm.Transaction, List<Long>> work = tx -> {
                List<Long> products = Orm.search(tx, tx.model("product.product"), List.of(), 0, null, "id");
                List<Long> created = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    List<Object> orderLines = new ArrayList<>();
                    for (int l = 0; l < lines; l++) {
                        orderLines.add(List.of(0L, 0L, Map.of("product_id", products.get((i + l) % products.size()),
                                "product_uom_qty", (double) (1 + (i + l) % 7))));
                    }
                    created.add(RecordWrites.create(tx, tx.model("sale.order"), Map.of("partner_id", partner,
                            "order_line", orderLines)));
                }
                return created;
            };
            ids.addAll(Boolean.TRUE.equals(body.withWebhooks()) ? server.write(env, work)
                    : server.database().write(env, work));
        }
        return Map.of("count", ids.size(), "firstId", ids.getFirst(), "lastId", ids.getLast());
    }

    @PostMapping("/simulator/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        server.reset();
        faults.clear();
        rpcLog.clear();
        webhooks.clearLog();
    }
}
