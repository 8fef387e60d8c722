package io.wabiz.bench.chaos;

import io.wabiz.bench.chaos.Observations.BusinessMessage;
import io.wabiz.bench.chaos.Observations.ErpInvoice;
import io.wabiz.bench.chaos.Observations.ErpOrder;
import io.wabiz.bench.chaos.Observations.ErpPayment;
import io.wabiz.bench.chaos.Observations.Skip;
import io.wabiz.bench.chaos.Observations.Webhook;
import io.wabiz.localstack.e2e.JsonHttp;
import io.wabiz.localstack.e2e.SimulatorApi;
import io.wabiz.localstack.e2e.StaffApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Collects {@link Observations} at the end of a run from the outside: the simulators' chats and webhook log, the
 * Odoo stand-in's documents, the conversation history (staff API), the notifier's recorded skips, the sender's
 * outcomes and the dead letters (Kafka). Also gives the fingerprint the harness watches to know the system settled.
 */
final class Observer {

    private final ChaosStack stack;
    private final SimulatorApi phones;
    private final JsonHttp meta;
    private final JsonHttp odoo;
    private final JsonHttp staff;
    private final JsonHttp notifier;

    Observer(ChaosStack stack) {
        this.stack = stack;
        this.phones = stack.phones();
        this.meta = stack.meta();
        this.odoo = stack.odoo();
        this.staff = stack.staff();
        this.notifier = stack.notifier();
    }

    /** What changes while the system works: messages on phones, webhooks sent, Odoo commits, sender outcomes. */
    String fingerprint(Workload workload, KafkaRecorder recorder) {
        long chats = 0;
        for (Workload.Customer customer : workload.customers()) {
            chats += phones.chat(customer.waId()).size();
        }
        JsonNode webhooks = meta.get("/simulator/webhooks?limit=1000000").expect(200).body();
        long pending = 0;
        for (JsonNode webhook : webhooks) {
            if (!webhook.path("delivered").asBoolean() && !webhook.path("givenUp").asBoolean()) {
                pending++;
            }
        }
        long odooVersion = odoo.get("/simulator/version").expect(200).body().path("version").asLong();
        return chats + "/" + webhooks.size() + "/" + pending + "/" + odooVersion + "/" + recorder.outcomes().size();
    }

    Observations collect(Workload workload, KafkaRecorder recorder) {
        List<BusinessMessage> messages = new ArrayList<>();
        List<Observations.HistoryMessage> history = new ArrayList<>();
        for (Workload.Customer customer : workload.customers()) {
            for (JsonNode m : phones.chat(customer.waId())) {
                if ("BUSINESS".equals(m.path("direction").asString())) {
                    messages.add(new BusinessMessage(m.path("wamid").asString(), customer.waId(),
                            text(m, "bizOpaqueCallbackData"), text(m, "contextWamid"), text(m, "type"),
                            text(m, "status"), abbreviate(text(m, "text"))));
                }
            }
            history.addAll(history(customer.waId()));
        }
        List<Webhook> webhooks = new ArrayList<>();
        for (JsonNode w : meta.get("/simulator/webhooks?limit=1000000").expect(200).body()) {
            webhooks.add(new Webhook(w.path("id").asString(), w.path("kind").asString(), text(w, "wamid"),
                    text(w, "status"), w.path("attempts").asInt(), w.path("lastHttpStatus").isNumber()
                    ? w.path("lastHttpStatus").asInt() : null, w.path("delivered").asBoolean(), false));
        }
        webhooks.addAll(workload.replayedWebhooks());
        List<ErpOrder> orders = new ArrayList<>();
        List<ErpInvoice> invoices = new ArrayList<>();
        for (Workload.OrderRun run : workload.orders()) {
            JsonNode order = odoo.get("/simulator/orders/" + run.id).expect(200).body();
            List<String> chatter = new ArrayList<>();
            order.path("chatter").forEach(note -> chatter.add(note.path("body").asString("")));
            orders.add(new ErpOrder(run.id, order.path("name").asString(), order.path("state").asString(),
                    run.customer.partnerId(), run.customer.waId(), flags(order), chatter));
            for (JsonNode invoiceRef : order.path("invoices")) {
                JsonNode invoice = odoo.get("/simulator/invoices/" + invoiceRef.path("id").asLong()).expect(200).body();
                List<ErpPayment> payments = new ArrayList<>();
                invoice.path("payments").forEach(p -> payments.add(new ErpPayment(text(p, "ref"),
                        p.path("amount").decimalValue())));
                invoices.add(new ErpInvoice(invoice.path("id").asLong(), invoice.path("name").asString(),
                        run.id, invoice.path("state").asString(), invoice.path("payment_state").asString(),
                        run.customer.waId(), flags(invoice), payments,
                        invoice.path("amount_residual").isNumber() ? invoice.path("amount_residual").decimalValue()
                                : BigDecimal.ZERO));
            }
        }
        return new Observations(messages, webhooks, history, orders, invoices, workload.taps(), workload.payments(),
                workload.staffReplies(), recorder.outcomes(), skips(), recorder.deadLetters());
    }

    private List<Observations.HistoryMessage> history(String waId) {
        List<Observations.HistoryMessage> wamids = new ArrayList<>();
        String conversation = StaffApi.conversationId(waId);
        for (int page = 0; page < 100; page++) {
            JsonHttp.Answer answer = staff.get("/api/conversations/" + conversation + "/messages?size=200&page=" + page);
            if (answer.status() == 404) {
                return wamids;
            }
            JsonNode body = answer.expect(200).body();
            JsonNode items = body.isArray() ? body : body.path("content").isArray() ? body.path("content")
                    : body.path("items");
            items.forEach(m -> wamids.add(new Observations.HistoryMessage(m.path("wamid").asString(""),
                    m.path("status").asString(null))));
            if (items.size() < 200) {
                return wamids;
            }
        }
        return wamids;
    }

    /** The notifier's decisions not to send, with their reasons (every page of its log). */
    private List<Skip> skips() {
        List<Skip> skips = new ArrayList<>();
        for (int page = 0; page < 200; page++) {
            JsonNode body = notifier.get("/api/notifications?size=200&page=" + page).expect(200).body();
            JsonNode items = body.isArray() ? body : body.path("content").isArray() ? body.path("content")
                    : body.path("items");
            for (JsonNode n : items) {
                String state = text(n, "state");
                if (!"ACCEPTED".equals(state) && !"SENT".equals(state) && !"DELIVERED".equals(state)
                        && !"READ".equals(state)) {
                    String reason = text(n, "reason");
                    if (reason == null) {
                        reason = text(n, "errorTitle");
                    }
                    skips.add(new Skip(text(n, "key"), text(n, "documentId"), text(n, "kind"), state, reason));
                }
            }
            if (items.size() < 200) {
                break;
            }
        }
        return skips;
    }

    private static Map<String, Boolean> flags(JsonNode document) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        document.path("flags").forEach(f -> flags.put(f.path("field").asString(), f.path("set").asBoolean()));
        return flags;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
