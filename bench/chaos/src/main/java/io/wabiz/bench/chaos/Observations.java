package io.wabiz.bench.chaos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the harness saw at the end of a run, from outside the platform: the Meta simulator's chats (every message
 * Meta accepted) and webhook deliveries, the Odoo stand-in's orders and invoices, the payments the customers made at
 * the provider, the conversation history, the sender's recorded outcomes and the dead-letter topics. Plain data,
 * written to {@code observations.json} after each run so the checker can be replayed on a recorded run.
 */
public record Observations(List<BusinessMessage> businessMessages, List<Webhook> webhooks,
                           List<HistoryMessage> history, List<ErpOrder> orders, List<ErpInvoice> invoices,
                           List<Tap> taps, List<ProviderPayment> payments, List<StaffReply> staffReplies,
                           List<SendOutcome> sendOutcomes, List<Skip> skips, List<DeadLetter> deadLetters) {

    public Observations {
        businessMessages = List.copyOf(businessMessages);
        webhooks = List.copyOf(webhooks);
        history = List.copyOf(history);
        orders = List.copyOf(orders);
        invoices = List.copyOf(invoices);
        taps = List.copyOf(taps);
        payments = List.copyOf(payments);
        staffReplies = List.copyOf(staffReplies);
        sendOutcomes = List.copyOf(sendOutcomes);
        skips = List.copyOf(skips);
        deadLetters = List.copyOf(deadLetters);
    }

    /**
     * A message Meta accepted (it is on the customer's phone).
     *
     * @param key          {@code biz_opaque_callback_data}: the platform's idempotency key
     * @param contextWamid the customer message it replies to, if any
     */
    public record BusinessMessage(String wamid, String customerWaId, String key, String contextWamid, String type,
                                  String status, String text) {
    }

    /** A webhook the simulator delivered (or tried to): {@code kind} MESSAGE or STATUS, the last HTTP answer. */
    public record Webhook(String id, String kind, String wamid, String status, int attempts, Integer lastHttpStatus,
                          boolean delivered, boolean replayed) {
    }

    /** A message in the conversation history (staff API): its wamid and the furthest status it shows. */
    public record HistoryMessage(String wamid, String status) {
    }

    /** An order as the ERP stand-in has it at the end: state, {@code x_whatsapp_*} flags set, chatter texts. */
    public record ErpOrder(long id, String name, String state, long partnerId, String customerWaId,
                           Map<String, Boolean> flags, List<String> chatter) {

        /** The platform's id of an Odoo order, as the odoo-connector publishes it ({@code sale.order/42}). */
        public static String documentId(long odooId) {
            return "sale.order/" + odooId;
        }

        public String documentId() {
            return documentId(id);
        }
    }

    public record ErpInvoice(long id, String name, Long orderId, String state, String paymentState,
                             String customerWaId, Map<String, Boolean> flags, List<ErpPayment> payments,
                             BigDecimal residual) {

        /** The platform's id of an Odoo invoice, as the odoo-connector publishes it ({@code account.move/7}). */
        public static String documentId(long odooId) {
            return "account.move/" + odooId;
        }

        public String documentId() {
            return documentId(id);
        }
    }

    /** A payment registered in the ERP: its memo ({@code ref}) and amount. */
    public record ErpPayment(String ref, BigDecimal amount) {
    }

    /**
     * A tap the workload made on the phone.
     *
     * @param wamid   the tap's own message id
     * @param stale   tapped on purpose on a message of an order no longer awaiting the customer
     * @param repeat  a second tap on the same button (another wamid)
     */
    public record Tap(String wamid, String customerWaId, long orderId, String action, boolean stale, boolean repeat) {
    }

    /** A payment the customer completed at the provider (Wave checkout played by the simulator). */
    public record ProviderPayment(String sessionId, String transactionId, long invoiceId, String amount) {
    }

    /**
     * A staff reply through the conversation-service's API, sent twice with the same {@code Idempotency-Key} (a
     * double click, a retry after a timeout): the HTTP status of each attempt (0: no answer).
     */
    public record StaffReply(String idempotencyKey, String inboundWamid, String customerWaId, int firstStatus,
                             int secondStatus) {
    }

    /**
     * What the outbound-sender recorded for an idempotency key on {@code whatsapp.outbound.events}.
     *
     * @param outcome ACCEPTED, REJECTED or UNRESOLVED; {@code reason} the rejection's reason
     */
    public record SendOutcome(String key, String outcome, String reason) {
    }

    /** A notification the billing-notifier decided not to send, with the reason it recorded. */
    public record Skip(String key, String documentId, String kind, String state, String reason) {
    }

    /** A record on a {@code -dlt} topic, with the platform's reason header (null when absent). */
    public record DeadLetter(String topic, String recordType, String reason) {
    }
}
