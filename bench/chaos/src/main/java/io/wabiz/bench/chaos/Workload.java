package io.wabiz.bench.chaos;

import io.wabiz.bench.chaos.Observations.ProviderPayment;
import io.wabiz.bench.chaos.Observations.StaffReply;
import io.wabiz.bench.chaos.Observations.Tap;
import io.wabiz.events.EventJson;
import io.wabiz.localstack.e2e.JsonHttp;
import io.wabiz.localstack.e2e.SimulatorApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What customers and the ERP do during a run, one seeded action per tick: orders created in the Odoo stand-in,
 * Validate or Cancel tapped on the phone (some twice, some on messages of orders already decided), invoices created
 * and posted, partial payments registered in Odoo, full payments made at the provider through the invoice's link,
 * customers writing and staff replying (each reply sent twice with one Idempotency-Key), and webhooks Meta already
 * delivered sent again, duplicated and in reverse order. An action a faulted service cannot serve is counted as
 * refused and the workload goes on. Everything done is recorded for the invariants.
 */
final class Workload {

    private static final Pattern PAY_LINK = Pattern.compile("https?://[^\\s\"*]+/pay/[A-Za-z0-9_\\-.~]+");
    private static final List<Long> PRODUCTS = List.of(88L, 91L, 16L);

    record Customer(String waId, String name, long partnerId) {
    }

    /** One order's way through the workload. */
    static final class OrderRun {
        final long id;
        final String name;
        final Customer customer;
        volatile String messageWamid;
        volatile String confirmButton;
        volatile String cancelButton;
        volatile String tapped;
        volatile Long invoiceId;
        volatile boolean partiallyPaid;
        volatile boolean providerPaid;
        volatile boolean staleTapped;

        OrderRun(long id, String name, Customer customer) {
            this.id = id;
            this.name = name;
            this.customer = customer;
        }
    }

    private final ChaosStack stack;
    private final Random random;
    private final Consumer<String> progress;
    private final SimulatorApi phones;
    private final JsonHttp meta;
    private final JsonHttp odoo;
    private final JsonHttp staff;
    private final JsonHttp notifier;
    private final JsonHttp ingress;
    private final List<Customer> customers = new ArrayList<>();
    private final List<OrderRun> orders = new CopyOnWriteArrayList<>();
    private final List<Tap> taps = new CopyOnWriteArrayList<>();
    private final List<ProviderPayment> payments = new CopyOnWriteArrayList<>();
    private final List<StaffReply> staffReplies = new CopyOnWriteArrayList<>();
    private final List<String[]> awaitingReply = new CopyOnWriteArrayList<>();
    private final List<Observations.Webhook> replayed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    Workload(ChaosStack stack, long seed, Consumer<String> progress) {
        this.stack = stack;
        this.random = new Random(seed);
        this.progress = progress;
        this.phones = stack.phones();
        this.meta = stack.meta();
        this.odoo = stack.odoo();
        this.staff = stack.staff();
        this.notifier = stack.notifier();
        this.ingress = stack.ingress();
    }

    /** Customers on the phone page and as partners in Odoo; half of them write first (their window is open). */
    void setUp(int count) {
        for (int i = 0; i < count; i++) {
            String waId = String.format("22178%07d", 1_000_000 + random.nextInt(8_000_000));
            String name = "Client Chaos " + (i + 1);
            phones.createCustomer(waId, name);
            long partner = odoo.post("/simulator/partners", Map.of("name", name, "mobile", "+" + waId,
                    "lang", "fr_FR", "countryCode", "SN", "isCompany", true)).expect(201).body().path("id").asLong();
            customers.add(new Customer(waId, name, partner));
            if (i % 2 == 0) {
                phones.customerWrites(waId, "Je voudrais passer une commande");
                count("customer messages");
            }
        }
    }

    /**
     * Runs actions until {@code until}, one per {@code tick}; with the reminder-scheduler in the stack, its clock is
     * moved past the dunning levels three times (at 40, 65 and 90 % of the run) and a run asked for, twice each time.
     */
    void run(Instant until, Duration tick) {
        Instant start = Instant.now();
        Duration length = Duration.between(start, until);
        List<Instant> reminderRuns = new ArrayList<>(stack.remindersRun() ? List.of(
                start.plus(length.multipliedBy(40).dividedBy(100)), start.plus(length.multipliedBy(65).dividedBy(100)),
                start.plus(length.multipliedBy(90).dividedBy(100))) : List.of());
        while (Instant.now().isBefore(until)) {
            if (!reminderRuns.isEmpty() && Instant.now().isAfter(reminderRuns.getFirst())) {
                // tried again each tick while the scheduler is down (killed, restarting)
                int days = List.of(4, 11, 31).get(3 - reminderRuns.size());
                if (attempt("reminders due", () -> remindersDue(days))) {
                    reminderRuns.removeFirst();
                }
            }
            chats.clear();
            if (random.nextInt(20) < 7) {
                attempt("create order", this::createOrder);
            }
            attempt("tap", this::tap);
            if (random.nextInt(10) == 0) {
                attempt("stale tap", this::staleTap);
            }
            attempt("invoice", this::invoice);
            if (random.nextInt(10) < 3) {
                attempt("partial payment", this::partialPayment);
            }
            attempt("provider payment", this::providerPayment);
            if (random.nextInt(10) < 3) {
                attempt("customer writes", this::customerWrites);
            }
            attempt("staff reply", this::staffReply);
            if (random.nextInt(10) < 2) {
                attempt("replay webhooks", this::replayWebhooks);
            }
            FaultInjector.sleep(tick);
        }
    }

    /** An action a faulted service cannot serve is counted as refused; the workload goes on. */
    private boolean attempt(String action, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException | AssertionError refused) {
            count("refused: " + action);
            return false;
        }
    }

    /** The phone's chats read once per tick. */
    private final Map<String, List<JsonNode>> chats = new ConcurrentHashMap<>();

    private List<JsonNode> chat(String waId) {
        return chats.computeIfAbsent(waId, phones::chat);
    }

    private void createOrder() {
        Customer customer = customers.get(random.nextInt(customers.size()));
        List<Map<String, Object>> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(3);
        for (int i = 0; i < lineCount; i++) {
            lines.add(Map.of("productId", PRODUCTS.get(random.nextInt(PRODUCTS.size())),
                    "quantity", 1 + random.nextInt(20)));
        }
        JsonNode created = odoo.post("/simulator/orders", Map.of("partnerId", customer.partnerId(), "lines", lines))
                .expect(201).body();
        orders.add(new OrderRun(created.path("id").asLong(), created.path("name").asString(), customer));
        count("orders created");
    }

    /** Validate (3 in 4) or Cancel on orders whose message is on the phone; 1 in 5 tapped twice. */
    private void tap() {
        orders.stream().filter(o -> o.tapped == null).filter(this::messageOnPhone).limit(3).toList()
                .forEach(this::tap);
    }

    private void tap(OrderRun order) {
        // one order in ten is left alone: its message stays unanswered
        if (random.nextInt(10) == 0) {
            order.tapped = "none";
            count("orders left untapped");
            return;
        }
        boolean confirm = random.nextInt(4) != 0;
        order.tapped = confirm ? "confirm" : "cancel";
        String button = confirm ? order.confirmButton : order.cancelButton;
        tapButton(order, button, order.tapped, false, false);
        if (random.nextInt(5) == 0) {
            tapButton(order, button, order.tapped, false, true);
        }
    }

    /** Validate again on the message of an order already confirmed or cancelled in Odoo. */
    private void staleTap() {
        List<OrderRun> decided = orders.stream().filter(o -> !o.staleTapped && o.confirmButton != null
                && ("confirm".equals(o.tapped) || "cancel".equals(o.tapped))).toList();
        for (OrderRun order : decided) {
            String state = odoo.get("/simulator/orders/" + order.id).expect(200).body().path("state").asString();
            if ("sale".equals(state) || "cancel".equals(state)) {
                order.staleTapped = true;
                tapButton(order, order.confirmButton, "confirm", true, false);
                return;
            }
        }
    }

    private void tapButton(OrderRun order, String button, String action, boolean stale, boolean repeat) {
        String wamid = phones.customerTapsButton(order.customer.waId(), order.messageWamid, button);
        taps.add(new Tap(wamid, order.customer.waId(), order.id, action, stale, repeat));
        count(stale ? "taps on stale messages" : repeat ? "taps repeated" : "taps " + action);
    }

    /** Finds the order-created message (interactive buttons or template quick replies) on the customer's phone. */
    private boolean messageOnPhone(OrderRun order) {
        if (order.messageWamid != null) {
            return true;
        }
        String prefix = "order:" + Observations.ErpOrder.documentId(order.id) + ":";
        for (JsonNode message : chat(order.customer.waId())) {
            if (!"BUSINESS".equals(message.path("direction").asString())) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            message.path("message").path("interactive").path("action").path("buttons")
                    .forEach(b -> ids.add(b.path("reply").path("id").asString()));
            message.path("template").path("buttons").forEach(b -> ids.add(b.path("payload").asString()));
            String confirm = ids.stream().filter(id -> id.startsWith(prefix) && id.contains(":confirm:")).findFirst()
                    .orElse(null);
            String cancel = ids.stream().filter(id -> id.startsWith(prefix) && id.contains(":cancel:")).findFirst()
                    .orElse(null);
            if (confirm != null && cancel != null) {
                order.confirmButton = confirm;
                order.cancelButton = cancel;
                order.messageWamid = message.path("wamid").asString();
                return true;
            }
        }
        return false;
    }

    /** "Create invoice" and "Confirm" (post) in Odoo for an order the customer validated and Odoo confirmed. */
    private void invoice() {
        int checked = 0;
        for (OrderRun order : orders) {
            if (!"confirm".equals(order.tapped) || order.invoiceId != null || checked++ >= 4) {
                continue;
            }
            String state = odoo.get("/simulator/orders/" + order.id).expect(200).body().path("state").asString();
            if (!"sale".equals(state)) {
                continue;
            }
            long invoice = odoo.post("/simulator/orders/" + order.id + "/invoice", Map.of()).expect(200).body()
                    .path("invoiceId").asLong();
            order.invoiceId = invoice;
            odoo.post("/simulator/invoices/" + invoice + "/post", Map.of()).expect(200);
            count("invoices posted");
            return;
        }
    }

    /** A payment of part of the residual registered in Odoo by the accountant (cash): the residual message follows. */
    private void partialPayment() {
        for (OrderRun order : orders) {
            if (order.invoiceId == null || order.partiallyPaid || order.providerPaid) {
                continue;
            }
            order.partiallyPaid = true;
            JsonNode invoice = odoo.get("/simulator/invoices/" + order.invoiceId).expect(200).body();
            BigDecimal residual = invoice.path("amount_residual").decimalValue();
            BigDecimal part = residual.multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
            if (part.signum() > 0) {
                odoo.post("/simulator/invoices/" + order.invoiceId + "/payments", Map.of("amount", part,
                        "memo", "CASH chaos-" + sequence.incrementAndGet())).expect(200);
                count("partial payments in Odoo");
            }
            return;
        }
    }

    /** The customer opens the invoice message's payment link and pays the residual at the provider. */
    private void providerPayment() {
        for (OrderRun order : orders) {
            if (order.invoiceId == null || order.providerPaid) {
                continue;
            }
            Optional<String> link = payLink(order);
            if (link.isEmpty()) {
                continue;
            }
            order.providerPaid = true;
            URI pay = URI.create(link.get());
            JsonHttp.Answer opened = notifier.get(pay.getRawPath());
            if (opened.location() == null) {
                count("payment links without a checkout (" + opened.status() + ")");
                return;
            }
            String session = opened.location().replaceAll(".*/payments/checkout/", "").replaceAll("[/?#].*", "");
            JsonHttp.Answer paid = meta.post("/payments/checkout/" + session + "/pay", Map.of());
            if (paid.status() != 303) {
                count("checkouts refused (" + paid.status() + ")");
                return;
            }
            JsonNode completed = meta.get("/wave/v1/checkout/sessions/" + session).expect(200).body();
            payments.add(new ProviderPayment(session, completed.path("transaction_id").asString(), order.invoiceId,
                    completed.path("amount").asString()));
            count("payments at the provider");
            // the browser comes back to the success page, as a customer's phone does
            if (paid.location() != null) {
                try {
                    notifier.get(URI.create(paid.location()).getRawPath());
                } catch (RuntimeException ignored) {
                    // the return page is a courtesy; the provider's webhook is what books the payment
                }
            }
            return;
        }
    }

    private Optional<String> payLink(OrderRun order) {
        String key = "invoice:invoice:" + Observations.ErpInvoice.documentId(order.invoiceId) + ":";
        for (JsonNode message : chat(order.customer.waId())) {
            if (message.path("bizOpaqueCallbackData").asString("").startsWith(key)) {
                Matcher matcher = PAY_LINK.matcher(message.toString());
                if (matcher.find()) {
                    return Optional.of(matcher.group());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The reminder clock moved to 10:00 UTC (outside Dakar's quiet hours) {@code days} days from today, and the day's
     * run asked for twice (a second run must remind nobody twice).
     */
    private void remindersDue(int days) {
        JsonHttp reminders = stack.reminderAdmin();
        Instant now = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days).atTime(10, 0)
                .toInstant(java.time.ZoneOffset.UTC);
        reminders.put("/admin/clock", Map.of("now", now.toString())).expect(200);
        for (int i = 0; i < 2; i++) {
            int status = reminders.post("/admin/runs?company=res.company/1", Map.of()).status();
            count("reminder runs asked (" + days + " days on) answered " + status);
        }
    }

    private void customerWrites() {
        Customer customer = customers.get(random.nextInt(customers.size()));
        String wamid = phones.customerWrites(customer.waId(), "Question " + sequence.incrementAndGet()
                + " : quel est le délai de livraison ?");
        awaitingReply.add(new String[] {wamid, customer.waId()});
        count("customer messages");
    }

    /** Staff answer the oldest customer question once it is in the history, twice with the same key. */
    private void staffReply() {
        for (String[] question : awaitingReply) {
            String wamid = question[0];
            JsonHttp.Answer history = staff.get("/api/conversations/" + io.wabiz.localstack.e2e.StaffApi
                    .conversationId(question[1]) + "/messages?size=200");
            if (history.status() != 200 || !history.text().contains(wamid)) {
                continue;
            }
            awaitingReply.remove(question);
            String key = "chaos-" + sequence.incrementAndGet();
            String body = "{\"content\":{\"kind\":\"text\",\"body\":\"Livraison sous 48 h (" + key + ")\"}}";
            int first = status(() -> staff.postRaw("/api/messages/" + wamid + "/reply", body,
                    Map.of("Idempotency-Key", key)));
            int second = status(() -> staff.postRaw("/api/messages/" + wamid + "/reply", body,
                    Map.of("Idempotency-Key", key)));
            staffReplies.add(new StaffReply(key, wamid, question[1], first, second));
            count("staff replies (each sent twice)");
            return;
        }
    }

    private static int status(java.util.function.Supplier<JsonHttp.Answer> call) {
        try {
            return call.get().status();
        } catch (RuntimeException noAnswer) {
            return 0;
        }
    }

    /** Webhooks Meta already delivered, sent again: two duplicates, and one message's statuses in reverse order. */
    private void replayWebhooks() {
        List<JsonNode> recent = new ArrayList<>();
        meta.get("/simulator/webhooks?limit=40").expect(200).body().forEach(recent::add);
        List<JsonNode> delivered = recent.stream().filter(w -> w.path("delivered").asBoolean()).toList();
        if (delivered.isEmpty()) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            replay(delivered.get(random.nextInt(delivered.size())), "webhooks duplicated");
        }
        Map<String, List<JsonNode>> statusesByWamid = new LinkedHashMap<>();
        delivered.stream().filter(w -> "STATUS".equals(w.path("kind").asString()))
                .forEach(w -> statusesByWamid.computeIfAbsent(w.path("wamid").asString(), k -> new ArrayList<>()).add(w));
        statusesByWamid.values().stream().filter(list -> list.size() >= 2).findFirst().ifPresent(list -> {
            // the log is newest first: as listed, the statuses arrive newest first, i.e. reordered
            list.forEach(w -> replay(w, "statuses replayed in reverse order"));
        });
    }

    private void replay(JsonNode webhook, String what) {
        String body = webhook.path("body").asString();
        JsonHttp.Answer answer = ingress.postRaw("/webhook", body, Map.of("X-Hub-Signature-256",
                WebhookSignature.sign(body)));
        replayed.add(new Observations.Webhook("replay-" + sequence.incrementAndGet(), webhook.path("kind").asString(),
                webhook.path("wamid").asString(), webhook.path("status").asString(null), 1, answer.status(),
                answer.status() == 200, true));
        count(answer.status() == 200 ? what : what + " refused (" + answer.status() + ")");
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> counts() {
        Map<String, Long> sorted = new java.util.TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    List<Customer> customers() {
        return List.copyOf(customers);
    }

    List<OrderRun> orders() {
        return List.copyOf(orders);
    }

    List<Tap> taps() {
        return List.copyOf(taps);
    }

    List<ProviderPayment> payments() {
        return List.copyOf(payments);
    }

    List<StaffReply> staffReplies() {
        return List.copyOf(staffReplies);
    }

    List<Observations.Webhook> replayedWebhooks() {
        return List.copyOf(replayed);
    }

    static String json(Object value) {
        return EventJson.toJson(value);
    }
}
