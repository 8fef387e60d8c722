package io.wabiz.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.bench.chaos.Observations.BusinessMessage;
import io.wabiz.bench.chaos.Observations.DeadLetter;
import io.wabiz.bench.chaos.Observations.ErpInvoice;
import io.wabiz.bench.chaos.Observations.ErpOrder;
import io.wabiz.bench.chaos.Observations.ErpPayment;
import io.wabiz.bench.chaos.Observations.HistoryMessage;
import io.wabiz.bench.chaos.Observations.ProviderPayment;
import io.wabiz.bench.chaos.Observations.SendOutcome;
import io.wabiz.bench.chaos.Observations.Skip;
import io.wabiz.bench.chaos.Observations.StaffReply;
import io.wabiz.bench.chaos.Observations.Tap;
import io.wabiz.bench.chaos.Observations.Webhook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The checker on one order's whole way (created, validated by a tap, invoiced, paid at the provider, a staff reply),
 * as a run records it: it holds; then each defect the platform could have is put into the record, and the matching
 * invariant must name it.
 */
class InvariantCheckerTest {

    private static final String WA = "221781234567";
    private static final String TAP = "wamid.tap-1";

    @Test
    void aCleanRunBreaksNoInvariant() {
        List<InvariantChecker.Result> results = new InvariantChecker(clean()).check();

        assertThat(results).allSatisfy(r -> assertThat(r.violations()).as(r.name()).isEmpty());
        assertThat(results).allSatisfy(r -> assertThat(r.checked()).as(r.name() + " checked something")
                .isPositive());
    }

    @Test
    void aMessageSentTwiceForOneKeyBreaksNoMessageTwiceAndOneMessagePerFact() {
        Observations run = with(clean(), o -> copy(o, plus(o.businessMessages(), new BusinessMessage(
                "wamid.resent", WA, "order_created:sales_order:sale.order/7:v1", null, "interactive", "delivered", "Commande"))));

        assertThat(violations(run, "no-message-twice")).singleElement().asString()
                .contains("order_created:sales_order:sale.order/7:v1", "2 messages", "wamid.resent");
        assertThat(violations(run, "erp-fact-one-message")).singleElement().asString().contains("S00007", "2 messages");
    }

    @Test
    void aFactWithoutAMessageIsExplainedByARecordedSkipOrRejectionOnly() {
        Observations noMessage = with(clean(), o -> copy(o, o.businessMessages().stream()
                .filter(m -> !m.key().startsWith("invoice:")).toList()));
        assertThat(violations(noMessage, "erp-fact-one-message")).singleElement().asString()
                .contains("INV/2026/00001", "no message accepted by Meta and no recorded reason");

        Observations rejected = new Observations(noMessage.businessMessages(), noMessage.webhooks(),
                noMessage.history(), noMessage.orders(), invoicesWithoutFlags(noMessage), noMessage.taps(),
                noMessage.payments(), noMessage.staffReplies(), plus(noMessage.sendOutcomes(),
                new SendOutcome("invoice:invoice:account.move/21:v3", "REJECTED", "131026 Message undeliverable")),
                noMessage.skips(), noMessage.deadLetters());
        assertThat(violations(rejected, "erp-fact-one-message")).isEmpty();
    }

    @Test
    void aTapAppliedTwiceInTheErpIsCaught() {
        Observations run = with(clean(), o -> new Observations(o.businessMessages(), o.webhooks(), o.history(),
                List.of(order(List.of(proof(), proof()))), o.invoices(), o.taps(), o.payments(), o.staffReplies(),
                o.sendOutcomes(), o.skips(), o.deadLetters()));

        assertThat(violations(run, "tap-at-most-one-erp-action")).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains(TAP, "2 ERP actions"))
                .anySatisfy(v -> assertThat(v).contains("S00007", "changed by 2 taps"));
    }

    @Test
    void aTapAnsweredTwiceOrNeverIsCaught() {
        Observations twice = with(clean(), o -> copy(o, plus(o.businessMessages(), new BusinessMessage("wamid.ack-2",
                WA, "scenario:" + TAP + ":1", TAP, "text", "read", "C'est noté"))));
        assertThat(violations(twice, "tap-exactly-one-reply")).singleElement().asString().contains("2 replies");

        Observations never = with(clean(), o -> copy(o, o.businessMessages().stream()
                .filter(m -> !m.key().startsWith("scenario:")).toList()));
        assertThat(violations(never, "tap-exactly-one-reply")).singleElement().asString()
                .contains(TAP, "no reply and no recorded reason");
    }

    @Test
    void aStaffReplySentTwiceDespiteItsIdempotencyKeyIsCaught() {
        Observations run = with(clean(), o -> copy(o, plus(o.businessMessages(), new BusinessMessage("wamid.staff-2",
                WA, "staff:chaos-9", "wamid.question", "text", "sent", "Livraison"))));

        assertThat(violations(run, "staff-reply-once")).singleElement().asString().contains("staff:chaos-9", "2 messages");
    }

    @Test
    void aPaymentBookedTwiceOrNeverOrABookingWithoutPaymentIsCaught() {
        ErpPayment booking = new ErpPayment("PBNK1/2026/00001 (WAVE T_ABC)", new BigDecimal("59000"));
        Observations twice = withInvoicePayments(List.of(booking, booking));
        assertThat(violations(twice, "payment-one-booking")).singleElement().asString()
                .contains("T_ABC", "booked 2 times");

        Observations never = withInvoicePayments(List.of());
        assertThat(violations(never, "payment-one-booking")).singleElement().asString().contains("booked 0 times");

        Observations stranger = withInvoicePayments(List.of(booking,
                new ErpPayment("PBNK1/2026/00002 (WAVE T_GHOST)", BigDecimal.TEN)));
        assertThat(violations(stranger, "payment-one-booking")).singleElement().asString()
                .contains("T_GHOST", "matches no payment made at the provider");
    }

    @Test
    void aWebhookAnswered200ButMissingFromTheHistoryIsCaught() {
        Observations run = with(clean(), o -> new Observations(o.businessMessages(), o.webhooks(),
                o.history().stream().filter(m -> !m.wamid().equals("wamid.question")).toList(), o.orders(), o.invoices(),
                o.taps(), o.payments(), o.staffReplies(), o.sendOutcomes(), o.skips(), o.deadLetters()));

        assertThat(violations(run, "webhook-200-in-history")).singleElement().asString().contains("wamid.question");
    }

    @Test
    void aStatusAnswered200ThatTheHistoryDoesNotShowIsCaughtAndAnOlderOneAfterItIsNot() {
        Observations run = with(clean(), o -> new Observations(o.businessMessages(), plus(plus(o.webhooks(),
                new Webhook("5", "STATUS", "wamid.invoice", "read", 1, 200, true, false)),
                new Webhook("replay-2", "STATUS", "wamid.created", "sent", 1, 200, true, true)), o.history(),
                o.orders(), o.invoices(), o.taps(), o.payments(), o.staffReplies(), o.sendOutcomes(), o.skips(),
                o.deadLetters()));

        assertThat(violations(run, "webhook-200-in-history")).singleElement().asString()
                .contains("status read of wamid.invoice", "history shows delivered");
    }

    @Test
    void aFlagWithoutAMessageAndAMessageWithoutItsFlagAreCaught() {
        Observations lying = with(clean(), o -> copy(o, o.businessMessages().stream()
                .filter(m -> !m.key().startsWith("order_confirmation:")).toList()));
        assertThat(violations(lying, "erp-flag-means-accepted")).singleElement().asString()
                .contains("x_whatsapp_confirmation_sent set, no such message at Meta");

        Observations untold = with(clean(), o -> new Observations(o.businessMessages(), o.webhooks(),
                o.history(), o.orders(), invoicesWithoutFlags(o), o.taps(), o.payments(), o.staffReplies(),
                o.sendOutcomes(), o.skips(), o.deadLetters()));
        assertThat(violations(untold, "accepted-message-erp-told")).singleElement().asString()
                .contains("INV/2026/00001", "x_whatsapp_invoice_sent not set");
    }

    @Test
    void aDeadLetterWithoutAReasonIsCaught() {
        Observations run = with(clean(), o -> new Observations(o.businessMessages(), o.webhooks(), o.history(),
                o.orders(), o.invoices(), o.taps(), o.payments(), o.staffReplies(), o.sendOutcomes(), o.skips(),
                List.of(new DeadLetter("erp.sales-orders-dlt", "io.wabiz.SalesOrderCreated", "no partner id"),
                        new DeadLetter("whatsapp.outbound.commands-dlt", "io.wabiz.SendMessage", " "))));

        assertThat(violations(run, "dead-letter-has-reason")).singleElement().asString()
                .contains("whatsapp.outbound.commands-dlt");
    }

    /** Order 7 created, confirmed by one tap, invoiced as 21, paid at Wave; a customer question and a staff reply. */
    static Observations clean() {
        List<BusinessMessage> messages = List.of(
                new BusinessMessage("wamid.created", WA, "order_created:sales_order:sale.order/7:v1", null, "interactive", "read",
                        "Commande S00007"),
                new BusinessMessage("wamid.ack", WA, "scenario:" + TAP + ":0", TAP, "text", "read", "C'est noté"),
                new BusinessMessage("wamid.confirmed", WA, "order_confirmation:sales_order:sale.order/7:v2", TAP, "interactive",
                        "read", "Votre commande est confirmée"),
                new BusinessMessage("wamid.invoice", WA, "invoice:invoice:account.move/21:v3", null, "document", "read",
                        "Voici votre facture"),
                new BusinessMessage("wamid.staff", WA, "staff:chaos-9", "wamid.question", "text", "read",
                        "Livraison sous 48 h"));
        List<Webhook> webhooks = List.of(
                new Webhook("1", "MESSAGE", TAP, null, 1, 200, true, false),
                new Webhook("2", "MESSAGE", "wamid.question", null, 2, 200, true, false),
                new Webhook("3", "STATUS", "wamid.created", "delivered", 1, 200, true, false),
                new Webhook("4", "MESSAGE", "wamid.lost", null, 9, 503, false, false),
                new Webhook("replay-1", "MESSAGE", TAP, null, 1, 200, true, true));
        List<HistoryMessage> history = List.of(new HistoryMessage("wamid.created", "read"),
                new HistoryMessage(TAP, "received"), new HistoryMessage("wamid.ack", "read"),
                new HistoryMessage("wamid.confirmed", "read"), new HistoryMessage("wamid.invoice", "delivered"),
                new HistoryMessage("wamid.question", "read"), new HistoryMessage("wamid.staff", "read"));
        ErpInvoice invoice = new ErpInvoice(21, "INV/2026/00001", 7L, "posted", "paid", WA,
                Map.of("x_whatsapp_invoice_sent", true), List.of(new ErpPayment("PBNK1/2026/00001 (WAVE T_ABC)",
                new BigDecimal("59000"))), BigDecimal.ZERO);
        return new Observations(messages, webhooks, history, List.of(order(List.of(proof()))), List.of(invoice),
                List.of(new Tap(TAP, WA, 7, "confirm", false, false)),
                List.of(new ProviderPayment("cos-1", "T_ABC", 21, "59000")),
                List.of(new StaffReply("chaos-9", "wamid.question", WA, 202, 202)),
                List.of(new SendOutcome("order_created:sales_order:sale.order/7:v1", "ACCEPTED", null),
                        new SendOutcome("invoice:invoice:account.move/21:v3", "ACCEPTED", null)),
                List.of(new Skip("order_details:sales_order:sale.order/7:x", "7", "ORDER_DETAILS", "SKIPPED", "flow off")),
                List.of(new DeadLetter("erp.sales-orders-dlt", "io.wabiz.SalesOrderCreated", "no partner id")));
    }

    private static ErpOrder order(List<String> chatter) {
        return new ErpOrder(7, "S00007", "sale", 42, WA, Map.of("x_whatsapp_creation_sent", true,
                "x_whatsapp_confirmation_sent", true, "x_whatsapp_validated", true, "x_whatsapp_details_sent", false),
                chatter);
    }

    private static String proof() {
        return "Confirmed by the customer on WhatsApp (" + TAP + ", from +221 78 123 45 67)";
    }

    private static List<ErpInvoice> invoicesWithoutFlags(Observations o) {
        return o.invoices().stream().map(i -> new ErpInvoice(i.id(), i.name(), i.orderId(), i.state(),
                i.paymentState(), i.customerWaId(), Map.of("x_whatsapp_invoice_sent", false), i.payments(),
                i.residual())).toList();
    }

    private static Observations withInvoicePayments(List<ErpPayment> payments) {
        Observations o = clean();
        List<ErpInvoice> invoices = o.invoices().stream().map(i -> new ErpInvoice(i.id(), i.name(), i.orderId(),
                i.state(), i.paymentState(), i.customerWaId(), i.flags(), payments, i.residual())).toList();
        return new Observations(o.businessMessages(), o.webhooks(), o.history(), o.orders(), invoices, o.taps(),
                o.payments(), o.staffReplies(), o.sendOutcomes(), o.skips(), o.deadLetters());
    }

    private static Observations with(Observations base, UnaryOperator<Observations> change) {
        return change.apply(base);
    }

    private static Observations copy(Observations o, List<BusinessMessage> messages) {
        return new Observations(messages, o.webhooks(), o.history(), o.orders(), o.invoices(), o.taps(),
                o.payments(), o.staffReplies(), o.sendOutcomes(), o.skips(), o.deadLetters());
    }

    private static <T> List<T> plus(List<T> list, T extra) {
        List<T> all = new ArrayList<>(list);
        all.add(extra);
        return all;
    }

    static List<String> violations(Observations run, String invariant) {
        return new InvariantChecker(run).check().stream().filter(r -> r.name().equals(invariant)).findFirst()
                .orElseThrow().violations();
    }
}
