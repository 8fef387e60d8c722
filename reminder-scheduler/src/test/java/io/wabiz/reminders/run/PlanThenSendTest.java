package io.wabiz.reminders.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.reminders.Records;
import io.wabiz.reminders.ServiceTest;
import io.wabiz.reminders.invoices.InvoiceProjection;
import io.wabiz.reminders.invoices.InvoiceStatus;
import io.wabiz.reminders.log.ReminderLog;
import io.wabiz.reminders.log.ReminderStatus;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What changes between planning and sending is seen before sending: the run decides again, a batch at a time, on
 * the invoice and partner as they are then. And a run that died between claiming and publishing is completed by
 * the next one, with the same commands.
 */
class PlanThenSendTest extends ServiceTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    private static final LocalDate DAY = LocalDate.of(2026, 4, 4);
    private static final Instant ERP_TIME = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    private ReminderPlanner planner;
    @Autowired
    private ReminderRun run;
    @Autowired
    private InvoiceProjection invoices;
    @Autowired
    private ReminderLog reminderLog;

    @Test
    void paidCancelledOrOptedOutBetweenPlanningAndSendingIsNotReminded() {
        String company = newCompany();
        String id = String.valueOf(System.nanoTime());
        String partner = "res.partner/" + id;
        String leaving = "res.partner/" + id + "-leaving";
        kafka.publish(Records.partner(partner, Records.newPhone()));
        kafka.publish(Records.partner(leaving, Records.newPhone()));
        Invoice paid = invoice(id + "-paid", partner, company);
        Invoice cancelled = invoice(id + "-cancelled", partner, company);
        Invoice optedOut = invoice(id + "-optout", leaving, company);
        Invoice stillDue = invoice(id + "-due", partner, company);
        for (Invoice invoice : new Invoice[] {paid, cancelled, optedOut, stillDue}) {
            kafka.publish(Records.posted(invoice, ERP_TIME));
            awaitInvoice(invoice.invoiceId());
        }
        awaitPartner(partner);
        awaitPartner(leaving);
        clock.setNow(dakar("2026-04-04T10:00"));

        RunPlan plan = planner.plan(company, DAY);
        assertThat(plan.reminders()).hasSize(4);
        kafka.publish(Records.paid(paid, ERP_TIME.plusSeconds(3600)));
        kafka.publish(Records.cancelled(cancelled, ERP_TIME.plusSeconds(3600)));
        kafka.publish(Records.partner(leaving, "Awa Diop", Records.newPhone(), "fr", OptInState.OPTED_OUT, true,
                Instant.parse("2026-04-04T09:00:00Z")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                invoices.byId(paid.invoiceId()).orElseThrow().status() == InvoiceStatus.PAID
                        && invoices.byId(cancelled.invoiceId()).orElseThrow().status() == InvoiceStatus.CANCELLED
                        && get("/admin/partners?partnerId=" + q(leaving), ADMIN).body().path("optIn").asString()
                        .equals("OPTED_OUT"));

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            ReminderRun.Outcome outcome = run.run(company, DAY, RunRegistry.Trigger.ADMIN, () -> { }, () -> plan);

            assertThat(outcome.counts().published()).isEqualTo(1);
            assertThat(outcome.counts().stopped()).isEqualTo(3);
            out.awaitEvents(SendMessage.class, 1);
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(out.events(SendMessage.class)).singleElement()
                    .satisfies(c -> assertThat(c.correlation().documentId()).isEqualTo(stillDue.invoiceId()));
        }
        assertThat(log(paid.invoiceId()).path("stopped").get(0).path("reason").asString()).isEqualTo("paid");
        assertThat(log(cancelled.invoiceId()).path("stopped").get(0).path("reason").asString()).isEqualTo("cancelled");
        assertThat(log(optedOut.invoiceId()).path("stopped").get(0).path("reason").asString()).isEqualTo("opted_out");
        assertThat(log(paid.invoiceId()).path("reminders").isEmpty()).isTrue();
    }

    @Test
    void aRunThatDiedAfterClaimingIsCompletedByTheNextWithTheSameCommands() {
        String company = newCompany();
        String id = String.valueOf(System.nanoTime());
        String partner = "res.partner/" + id;
        kafka.publish(Records.partner(partner, Records.newPhone()));
        Invoice invoice = invoice(id + "-claimed", partner, company);
        kafka.publish(Records.posted(invoice, ERP_TIME));
        awaitInvoice(invoice.invoiceId());
        awaitPartner(partner);
        clock.setNow(dakar("2026-04-04T10:00"));
        // what a run that died between claiming and Kafka's acknowledgement leaves: the claim, with its command
        RunPlan plan = planner.plan(company, DAY);
        String key = ReminderRun.key(invoice.invoiceId(), 3, DUE);
        assertThat(reminderLog.claim(List.of(claimOf(plan, key)))).containsExactly(key);

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            var outcome = runNow(company);

            assertThat(outcome.path("counts").path("republished").asInt()).isEqualTo(1);
            assertThat(outcome.path("counts").path("published").asInt()).isZero();
            assertThat(outcome.path("counts").path("alreadyDone").asInt()).isEqualTo(1);
            SendMessage republished = out.awaitEvent(SendMessage.class, c -> c.idempotencyKey().equals(key));
            assertThat(republished.id()).isEqualTo(ReminderRun.commandId(key));
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(out.events(SendMessage.class)).hasSize(1);
        }
        assertThat(reminderLog.find(key).orElseThrow().status()).isEqualTo(ReminderStatus.PUBLISHED);
    }

    private ReminderLog.Claim claimOf(RunPlan plan, String key) {
        RunPlan.PlannedReminder planned = plan.reminders().getFirst();
        SendMessage command = new SendMessage(ReminderRun.commandId(key), Instant.now(), BUSINESS_NUMBER,
                "221770000009", new io.wabiz.events.outbound.OutboundContent.Template(planned.template(),
                planned.language(), List.of()), null, key, null, null);
        return new ReminderLog.Claim(new io.wabiz.reminders.log.ReminderEntry(key, planned.invoiceId(),
                planned.number(), planned.partnerId(), plan.company(), planned.level(), DUE, DAY,
                ReminderStatus.CLAIMED, Instant.now(), null, null, BUSINESS_NUMBER, "221770000009",
                planned.template(), planned.language(), command.id(), null, null, null, false), command);
    }

    private static Invoice invoice(String id, String partnerId, String company) {
        return Records.invoice("account.move/" + id, partnerId, company, DUE, "150000", PaymentState.NOT_PAID, "1",
                false);
    }
}
