package io.wabiz.bench.chaos;

import io.wabiz.bench.chaos.Observations.BusinessMessage;
import io.wabiz.bench.chaos.Observations.ErpInvoice;
import io.wabiz.bench.chaos.Observations.ErpOrder;
import io.wabiz.bench.chaos.Observations.ProviderPayment;
import io.wabiz.bench.chaos.Observations.SendOutcome;
import io.wabiz.bench.chaos.Observations.Tap;
import io.wabiz.bench.chaos.Observations.Webhook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's promises, checked on what was seen from outside ({@link Observations}); plain Java so that a
 * recorded run (or a hand-made one with a known defect) can be checked in a unit test. Each invariant lists its
 * violations with the evidence (ids, keys, counts); an empty list is the only pass.
 */
public final class InvariantChecker {

    /** One promise: how many cases it covered and each case that broke it. */
    public record Result(String name, String promise, int checked, List<String> violations) {
        public Result {
            violations = List.copyOf(violations);
        }

        public boolean holds() {
            return violations.isEmpty();
        }
    }

    private final Observations seen;
    private final Map<String, List<BusinessMessage>> messagesByKey;
    private final Map<String, List<SendOutcome>> outcomesByKey;

    public InvariantChecker(Observations seen) {
        this.seen = seen;
        this.messagesByKey = seen.businessMessages().stream().filter(m -> m.key() != null)
                .collect(Collectors.groupingBy(BusinessMessage::key));
        this.outcomesByKey = seen.sendOutcomes().stream().collect(Collectors.groupingBy(SendOutcome::key));
    }

    public List<Result> check() {
        return List.of(factsGetOneMessage(), noKeySentTwice(), tapsActOnceInTheErp(), tapsGetOneReply(),
                staffRepliesSentOnce(), paymentsBookedOnce(), deliveredWebhooksInHistory(), erpFlagsMeanAcceptedMessages(),
                acceptedMessagesReachTheErp(), deadLettersHaveAReason());
    }

    /** Each ERP fact (order created, order confirmed or cancelled by a tap, invoice posted): one message, or why not. */
    Result factsGetOneMessage() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (ErpOrder order : seen.orders()) {
            checked++;
            expectOne("order " + order.name(), keyPrefix("order_created", "sales_order", order.documentId()), violations);
            if (tapDecided(order)) {
                checked++;
                expectOne("order " + order.name() + " " + order.state() + " by a tap",
                        keyPrefix("order_confirmation", "sales_order", order.documentId()), violations);
            }
        }
        for (ErpInvoice invoice : seen.invoices()) {
            if (!"draft".equals(invoice.state())) {
                checked++;
                expectOne("invoice " + invoice.name() + " posted", keyPrefix("invoice", "invoice", invoice.documentId()),
                        violations);
            }
        }
        return new Result("erp-fact-one-message", "each ERP fact -> exactly one WhatsApp message of its kind, or a "
                + "recorded, explained rejection", checked, violations);
    }

    private void expectOne(String fact, String prefix, List<String> violations) {
        List<BusinessMessage> sent = withPrefix(prefix);
        if (sent.size() == 1) {
            return;
        }
        if (sent.size() > 1) {
            violations.add(fact + ": " + sent.size() + " messages " + describe(sent));
            return;
        }
        String explanation = explanation(prefix);
        if (explanation == null) {
            violations.add(fact + ": no message accepted by Meta and no recorded reason (" + prefix + "*)");
        }
    }

    /** A skip recorded by the notifier, or a rejection with a reason recorded by the sender, for keys of a prefix. */
    private String explanation(String prefix) {
        for (Observations.Skip skip : seen.skips()) {
            if (skip.key() != null && skip.key().startsWith(prefix) && skip.reason() != null
                    && !skip.reason().isBlank()) {
                return skip.reason();
            }
        }
        for (SendOutcome outcome : seen.sendOutcomes()) {
            if (outcome.key().startsWith(prefix) && !"ACCEPTED".equals(outcome.outcome()) && outcome.reason() != null
                    && !outcome.reason().isBlank()) {
                return outcome.reason();
            }
        }
        return null;
    }

    /** Meta never got the same idempotency key twice as two messages: the duplicate a resend would be. */
    Result noKeySentTwice() {
        List<String> violations = new ArrayList<>();
        messagesByKey.forEach((key, messages) -> {
            if (messages.size() > 1) {
                violations.add(key + ": " + messages.size() + " messages on the phone " + describe(messages));
            }
        });
        return new Result("no-message-twice", "no idempotency key reaches the customer twice", messagesByKey.size(),
                violations);
    }

    /** Per tap, at most one note in the ERP's chatter; per order, at most one tap that changed it. */
    Result tapsActOnceInTheErp() {
        List<String> violations = new ArrayList<>();
        Map<Long, ErpOrder> orders = seen.orders().stream().collect(Collectors.toMap(ErpOrder::id, Function.identity()));
        for (Tap tap : seen.taps()) {
            ErpOrder order = orders.get(tap.orderId());
            if (order == null) {
                continue;
            }
            long notes = order.chatter().stream().filter(note -> note.contains(tap.wamid())).count();
            if (notes > 1) {
                violations.add("tap " + tap.wamid() + " on order " + order.name() + ": " + notes + " ERP actions");
            }
        }
        for (ErpOrder order : seen.orders()) {
            long decided = order.chatter().stream().filter(InvariantChecker::isProofOfAChange).count();
            if (decided > 1) {
                violations.add("order " + order.name() + ": changed by " + decided + " taps " + order.chatter());
            }
        }
        return new Result("tap-at-most-one-erp-action", "each tap -> at most one ERP action", seen.taps().size(),
                violations);
    }

    /** Per tap the ingress answered 200 for: exactly one reply quoting it (its key names the tap), or why not. */
    Result tapsGetOneReply() {
        List<String> violations = new ArrayList<>();
        Set<String> delivered = deliveredMessageWamids();
        int checked = 0;
        for (Tap tap : seen.taps()) {
            if (!delivered.contains(tap.wamid())) {
                continue;
            }
            checked++;
            List<String> replyKeys = messagesByKey.keySet().stream().filter(key -> key.contains(tap.wamid())).toList();
            if (replyKeys.size() == 1) {
                continue;
            }
            if (replyKeys.size() > 1) {
                violations.add("tap " + tap.wamid() + " (" + tap.action() + " order " + tap.orderId() + "): "
                        + replyKeys.size() + " replies " + replyKeys);
            } else if (outcomesByKey.keySet().stream().filter(key -> key.contains(tap.wamid()))
                    .flatMap(key -> outcomesByKey.get(key).stream())
                    .noneMatch(o -> !"ACCEPTED".equals(o.outcome()) && o.reason() != null && !o.reason().isBlank())) {
                violations.add("tap " + tap.wamid() + " (" + tap.action() + " order " + tap.orderId()
                        + (tap.stale() ? ", stale" : "") + (tap.repeat() ? ", repeated" : "")
                        + "): no reply and no recorded reason");
            }
        }
        return new Result("tap-exactly-one-reply", "each tap answered 200 by the ingress -> exactly one reply",
                checked, violations);
    }

    /** A staff reply the API accepted (202, maybe twice for one key): exactly one message, or why not. */
    Result staffRepliesSentOnce() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Observations.StaffReply reply : seen.staffReplies()) {
            if (reply.firstStatus() != 202 && reply.secondStatus() != 202) {
                continue;
            }
            checked++;
            String key = "staff:" + reply.idempotencyKey();
            List<BusinessMessage> sent = messagesByKey.getOrDefault(key, List.of());
            if (sent.size() > 1) {
                violations.add(key + ": " + sent.size() + " messages " + describe(sent));
            } else if (sent.isEmpty() && outcomesByKey.getOrDefault(key, List.of()).stream()
                    .noneMatch(o -> !"ACCEPTED".equals(o.outcome()) && o.reason() != null && !o.reason().isBlank())) {
                violations.add(key + " (reply to " + reply.inboundWamid() + ", answered " + reply.firstStatus() + "/"
                        + reply.secondStatus() + "): no message and no recorded reason");
            }
        }
        return new Result("staff-reply-once", "each staff reply accepted by the API (202) -> exactly one message",
                checked, violations);
    }

    /** Each payment made at the provider is booked once in the ERP; no booking without a payment. */
    Result paymentsBookedOnce() {
        List<String> violations = new ArrayList<>();
        Map<Long, ErpInvoice> invoices = seen.invoices().stream()
                .collect(Collectors.toMap(ErpInvoice::id, Function.identity()));
        Set<String> transactions = new HashSet<>();
        for (ProviderPayment payment : seen.payments()) {
            transactions.add(payment.transactionId());
            ErpInvoice invoice = invoices.get(payment.invoiceId());
            long bookings = invoice == null ? 0 : invoice.payments().stream()
                    .filter(p -> p.ref() != null && p.ref().contains(payment.transactionId())).count();
            if (bookings != 1) {
                violations.add("provider transaction " + payment.transactionId() + " (" + payment.amount()
                        + ") on invoice " + payment.invoiceId() + ": booked " + bookings + " times"
                        + (invoice == null ? "" : " " + invoice.payments()));
            }
        }
        for (ErpInvoice invoice : seen.invoices()) {
            for (Observations.ErpPayment booked : invoice.payments()) {
                if (booked.ref() != null && booked.ref().contains("WAVE ")
                        && transactions.stream().noneMatch(booked.ref()::contains)) {
                    violations.add("invoice " + invoice.name() + ": booking " + booked.ref()
                            + " matches no payment made at the provider");
                }
            }
        }
        return new Result("payment-one-booking", "each provider payment -> exactly one booking in the ERP",
                seen.payments().size(), violations);
    }

    private static final List<String> STATUS_ORDER = List.of("sent", "delivered", "read");

    /**
     * Every customer message whose webhook the ingress answered 200 is in the conversation history; every status
     * answered 200 (sent, delivered, read; duplicated and reordered ones too) shows there: the message's status is
     * at least that far (statuses never go back).
     */
    Result deliveredWebhooksInHistory() {
        List<String> violations = new ArrayList<>();
        Map<String, String> history = new java.util.HashMap<>();
        seen.history().forEach(m -> history.put(m.wamid(), m.status() == null ? null
                : m.status().toLowerCase(java.util.Locale.ROOT)));
        Set<String> delivered = deliveredMessageWamids();
        for (String wamid : delivered) {
            if (!history.containsKey(wamid)) {
                violations.add("customer message " + wamid + " answered 200 but not in the history");
            }
        }
        Map<String, Integer> furthest = new java.util.HashMap<>();
        for (Webhook webhook : seen.webhooks()) {
            if ("STATUS".equals(webhook.kind()) && webhook.delivered() && STATUS_ORDER.contains(webhook.status())) {
                furthest.merge(webhook.wamid(), STATUS_ORDER.indexOf(webhook.status()), Math::max);
            }
        }
        furthest.forEach((wamid, rank) -> {
            if (!history.containsKey(wamid)) {
                violations.add("status " + STATUS_ORDER.get(rank) + " of " + wamid
                        + " answered 200 but the message is not in the history");
            } else if (!"failed".equals(history.get(wamid))
                    && STATUS_ORDER.indexOf(history.get(wamid)) < rank) {
                violations.add("status " + STATUS_ORDER.get(rank) + " of " + wamid + " answered 200 but the history"
                        + " shows " + history.get(wamid));
            }
        });
        return new Result("webhook-200-in-history", "each webhook answered 200 -> in the history",
                delivered.size() + furthest.size(), violations);
    }

    private static final Map<String, String> ORDER_FLAGS = Map.of(
            "x_whatsapp_creation_sent", "order_created",
            "x_whatsapp_confirmation_sent", "order_confirmation",
            "x_whatsapp_details_sent", "order_details");
    private static final Map<String, String> INVOICE_FLAGS = Map.of(
            "x_whatsapp_invoice_sent", "invoice",
            "x_whatsapp_details_sent", "invoice_details",
            "x_whatsapp_residual_sent", "residual",
            "x_whatsapp_unpaid_reminder_sent", "unpaid_reminder");

    /** Every {@code x_whatsapp_*_sent} flag set in the ERP stands for a message Meta accepted. */
    Result erpFlagsMeanAcceptedMessages() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (ErpOrder order : seen.orders()) {
            for (Map.Entry<String, String> flag : ORDER_FLAGS.entrySet()) {
                if (Boolean.TRUE.equals(order.flags().get(flag.getKey()))) {
                    checked++;
                    if (withPrefix(keyPrefix(flag.getValue(), "sales_order", order.documentId())).isEmpty()) {
                        violations.add("order " + order.name() + ": " + flag.getKey() + " set, no such message at Meta");
                    }
                }
            }
            if (Boolean.TRUE.equals(order.flags().get("x_whatsapp_validated"))) {
                checked++;
                if (seen.taps().stream().noneMatch(t -> t.orderId() == order.id() && "confirm".equals(t.action()))) {
                    violations.add("order " + order.name() + ": x_whatsapp_validated set, no confirm tap");
                }
            }
        }
        for (ErpInvoice invoice : seen.invoices()) {
            for (Map.Entry<String, String> flag : INVOICE_FLAGS.entrySet()) {
                if (Boolean.TRUE.equals(invoice.flags().get(flag.getKey()))) {
                    checked++;
                    if (withPrefix(keyPrefix(flag.getValue(), "invoice", invoice.documentId())).isEmpty()) {
                        violations.add("invoice " + invoice.name() + ": " + flag.getKey()
                                + " set, no such message at Meta");
                    }
                }
            }
        }
        return new Result("erp-flag-means-accepted", "each x_whatsapp_* flag set in the ERP -> a message Meta accepted",
                checked, violations);
    }

    /** The other way: a notification Meta accepted has its flag set in the ERP once the system settled. */
    Result acceptedMessagesReachTheErp() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (ErpOrder order : seen.orders()) {
            for (Map.Entry<String, String> flag : ORDER_FLAGS.entrySet()) {
                if (!withPrefix(keyPrefix(flag.getValue(), "sales_order", order.documentId())).isEmpty()) {
                    checked++;
                    if (!Boolean.TRUE.equals(order.flags().get(flag.getKey()))) {
                        violations.add("order " + order.name() + ": " + flag.getValue() + " accepted by Meta, "
                                + flag.getKey() + " not set");
                    }
                }
            }
        }
        for (ErpInvoice invoice : seen.invoices()) {
            for (Map.Entry<String, String> flag : INVOICE_FLAGS.entrySet()) {
                if (!withPrefix(keyPrefix(flag.getValue(), "invoice", invoice.documentId())).isEmpty()) {
                    checked++;
                    if (!Boolean.TRUE.equals(invoice.flags().get(flag.getKey()))) {
                        violations.add("invoice " + invoice.name() + ": " + flag.getValue() + " accepted by Meta, "
                                + flag.getKey() + " not set");
                    }
                }
            }
        }
        return new Result("accepted-message-erp-told", "each notification Meta accepted -> its flag set in the ERP",
                checked, violations);
    }

    Result deadLettersHaveAReason() {
        List<String> violations = new ArrayList<>();
        for (Observations.DeadLetter letter : seen.deadLetters()) {
            if (letter.reason() == null || letter.reason().isBlank()) {
                violations.add(letter.topic() + ": a " + letter.recordType() + " without a reason");
            }
        }
        return new Result("dead-letter-has-reason", "no dead letter without a reason", seen.deadLetters().size(),
                violations);
    }

    /** Order moved by a tap: the connector's proof of the customer's tap in its chatter. */
    private boolean tapDecided(ErpOrder order) {
        return ("sale".equals(order.state()) || "cancel".equals(order.state()))
                && order.chatter().stream().anyMatch(InvariantChecker::isProofOfAChange);
    }

    /**
     * The connector's proof of a change made by a tap (its default {@code commands.confirmed-proof} and
     * {@code cancelled-proof}); a refused tap's note ("... nothing was done") is not one.
     */
    static boolean isProofOfAChange(String note) {
        String text = note.toLowerCase(java.util.Locale.ROOT);
        return text.contains("confirmed by the customer on whatsapp") || text.contains("cancelled by the customer on whatsapp");
    }

    private Set<String> deliveredMessageWamids() {
        return seen.webhooks().stream().filter(w -> "MESSAGE".equals(w.kind()) && w.delivered())
                .map(Webhook::wamid).collect(Collectors.toSet());
    }

    private List<BusinessMessage> withPrefix(String prefix) {
        return messagesByKey.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static String keyPrefix(String kind, String documentType, String documentId) {
        return kind + ":" + documentType + ":" + documentId + ":";
    }

    private static String describe(List<BusinessMessage> messages) {
        return messages.stream().map(m -> m.wamid() + "[" + m.key() + "]").toList().toString();
    }
}
