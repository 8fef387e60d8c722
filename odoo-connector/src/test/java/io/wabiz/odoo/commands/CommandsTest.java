package io.wabiz.odoo.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.odoo.ServiceTest;
import io.wabiz.odoosim.faults.Fault;
import io.wabiz.odoosim.odoo.Chatter;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.platform.kafka.PlatformKafkaAutoConfiguration;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform's commands applied to Odoo: confirm and cancel by a tap, flags, payments; each once. */
class CommandsTest extends ServiceTest {

    @Autowired
    CommandLog commandLog;

    static CustomerTap tap() {
        return new CustomerTap("100000000000001", "221770000001", "wamid.TEST" + UUID.randomUUID().toString()
                .replace("-", ""), Instant.parse("2026-12-01T10:00:00Z"));
    }

    static List<String> chatter(String model, long id) {
        return odoo().server().database().read(new Env(2, Map.of(), List.of(1L)), tx -> Chatter.of(tx, model, id)
                .stream().map(m -> (String) m.get("body")).toList());
    }

    @Test
    void aTapOnValiderConfirmsTheOrderWithItsProofInTheChatterAndTheFlagSet() {
        long order = newQuotation(10);
        CustomerTap tap = tap();

        kafka.publish(new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + order, null, tap));

        await().atMost(Duration.ofSeconds(30)).until(() -> "sale".equals(readInOdoo("sale.order", order, "state")
                .get("state")) && Boolean.TRUE.equals(readInOdoo("sale.order", order, "x_whatsapp_validated")
                .get("x_whatsapp_validated")));
        assertThat(readInOdoo("sale.order", order, "x_whatsapp_validated_date").get("x_whatsapp_validated_date"))
                .isEqualTo("2026-12-01 10:00:00");
        await().atMost(Duration.ofSeconds(10)).until(() -> chatter("sale.order", order).stream()
                .anyMatch(body -> body.contains(tap.wamid()) && body.contains("Confirmed by the customer on WhatsApp")
                        && body.contains("+221770000001")));
        await().atMost(Duration.ofSeconds(10)).until(() -> commandLog.find(OrderCommands.key(true, null,
                "sale.order/" + order, tap)).status() == AppliedCommand.Status.APPLIED);
    }

    @Test
    void aConfirmForAnOrderAlreadyCancelledInOdooDoesNothingAndSaysSo() {
        long order = newQuotation(1);
        inOdoo("sale.order", "action_cancel", List.of(List.of(order)), Map.of("context",
                Map.of("disable_cancel_warning", true)));
        CustomerTap tap = tap();
        long confirmsBefore = confirmsOf(order);

        kafka.publish(new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + order, null, tap));

        String key = OrderCommands.key(true, null, "sale.order/" + order, tap);
        await().atMost(Duration.ofSeconds(30)).until(() -> commandLog.find(key) != null
                && commandLog.find(key).status() == AppliedCommand.Status.REFUSED);
        assertThat(commandLog.find(key).outcome()).isEqualTo("nothing done: the order is cancelled");
        assertThat(chatter("sale.order", order)).anyMatch(body -> body.contains("tapped Confirm on WhatsApp")
                && body.contains("the order is cancelled: nothing was done") && body.contains(tap.wamid()));
        assertThat(readInOdoo("sale.order", order, "state").get("state")).isEqualTo("cancel");
        assertThat(confirmsOf(order)).as("no action_confirm was even tried").isEqualTo(confirmsBefore);
    }

    @Test
    void aRedeliveredConfirmationConfirmsOnceAndPostsOneProof() {
        long order = newQuotation(2);
        CustomerTap tap = tap();
        ConfirmSalesOrder command = new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(),
                "sale.order/" + order, null, tap);

        kafka.publish(command);
        kafka.publish(command);
        kafka.publish(new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + order, null,
                tap)); // the same tap, republished under another command id

        String key = OrderCommands.key(true, null, "sale.order/" + order, tap);
        await().atMost(Duration.ofSeconds(30)).until(() -> commandLog.find(key) != null
                && commandLog.find(key).status() == AppliedCommand.Status.APPLIED);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> confirmsOf(order) == 1);
        assertThat(chatter("sale.order", order).stream().filter(b -> b.contains(tap.wamid()))).hasSize(1);
    }

    @Test
    void aTapOnAnnulerCancelsTheQuotationWithoutOdoosWizard() {
        long order = newQuotation(3);
        CustomerTap tap = tap();

        kafka.publish(new CancelSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + order, null, tap));

        await().atMost(Duration.ofSeconds(30)).until(() -> "cancel".equals(readInOdoo("sale.order", order, "state")
                .get("state")));
        await().atMost(Duration.ofSeconds(10)).until(() -> chatter("sale.order", order).stream()
                .anyMatch(body -> body.contains("Cancelled by the customer on WhatsApp") && body.contains(tap.wamid())));
    }

    @Test
    void aBusinessRefusalByOdooGoesToTheDeadLetterTopicWithOdoosWords() {
        long order = newQuotation(4);
        odoo().fault(new Fault(Fault.Kind.USER_ERROR, null, null, "The customer's credit limit is exceeded.", 1,
                List.of("action_confirm"), List.of()));
        try (TopicWatcher dead = kafka.watch(Topics.deadLetter(Topics.ERP_COMMANDS))) {
            kafka.publish(new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + order, null,
                    tap()));

            ConsumerRecord<String, byte[]> letter = dead.awaitRecord(r -> ("sale.order/" + order).equals(r.key()));
            String reason = new String(letter.headers().lastHeader(PlatformKafkaAutoConfiguration.REASON_HEADER).value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("odoo.exceptions.UserError on sale.order.action_confirm: The customer's "
                    + "credit limit is exceeded.");
        }
        assertThat(readInOdoo("sale.order", order, "state").get("state")).isEqualTo("draft");
    }

    @Test
    void aNotificationRecordedSetsTheFlagAndItsDate() {
        long order = newQuotation(5);
        Instant sentAt = Instant.parse("2026-12-01T09:15:03Z");

        kafka.publish(new NotificationRecorded("note-" + UUID.randomUUID(), sentAt, ErpDocumentType.SALES_ORDER,
                "sale.order/" + order, NotificationKind.ORDER_CREATED, sentAt, "wamid.X", "100000000000001",
                "221770000001"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(readInOdoo("sale.order", order,
                "x_whatsapp_creation_sent").get("x_whatsapp_creation_sent")));
        assertThat(readInOdoo("sale.order", order, "x_whatsapp_creation_sent_date").get("x_whatsapp_creation_sent_date"))
                .isEqualTo("2026-12-01 09:15:03");
    }

    @Test
    void aPaymentIsBookedOnceAndAPartialOneLeavesTheResidual() {
        long order = newQuotation(10); // 50,000 + 18% = 59,000 XOF
        inOdoo("sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        long invoice = postedInvoiceOf(order);
        PaymentReceived payment = new PaymentReceived("pay-" + UUID.randomUUID(), Instant.now(),
                "account.move/" + invoice, null, "res.company/1", "res.partner/42", "wave", "T_" + UUID.randomUUID()
                .toString().substring(0, 8), new BigDecimal("20000"), "XOF", Instant.parse("2026-12-01T11:00:00Z"));

        kafka.publish(payment);
        kafka.publish(payment);

        await().atMost(Duration.ofSeconds(30)).until(() -> "partial".equals(readInOdoo("account.move", invoice,
                "payment_state").get("payment_state")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> ((Number) readInOdoo(
                "account.move", invoice, "amount_residual").get("amount_residual")).doubleValue() == 39000.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> payments = (List<Map<String, Object>>) inOdoo("account.payment", "search_read",
                List.of(List.of(List.of("ref", "=", PaymentBooking.memo(payment)))), Map.of("fields",
                        List.of("amount", "date")));
        assertThat(payments).singleElement().satisfies(p -> {
            assertThat(p.get("amount")).isEqualTo(20000.0);
            assertThat(p.get("date")).isEqualTo("2026-12-01");
        });
        assertThat(chatter("account.move", invoice)).anyMatch(b -> b.contains(payment.providerTransactionId()));
    }

    private static long confirmsOf(long order) {
        return odoo().rpcLog().count("sale.order", "action_confirm", order);
    }
}
