package io.wabiz.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every stop rule through the real broker: the dry run names the reason, the run sends nothing for those invoices,
 * the reason is recorded per invoice, and lifting the cause lets the next run send the due level.
 */
class StopRulesTest extends ServiceTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    private static final Instant ERP_TIME = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void eachRuleStopsItsInvoiceWithItsReasonAndTheOthersAreReminded() {
        String company = newCompany();
        String run = String.valueOf(System.nanoTime());
        Map<String, String> expected = new HashMap<>();
        String reachable = partner(run, "ok", Records.newPhone(), OptInState.OPTED_IN, true);
        expected.put(invoice(run, "ok", reachable, company, "150000", false), null);
        expected.put(invoice(run, "dispute", reachable, company, "150000", true), "in_dispute");
        expected.put(invoice(run, "small", reachable, company, "400", false), "below_minimum_residual");
        expected.put(invoice(run, "optout", partner(run, "optout", Records.newPhone(), OptInState.OPTED_OUT, true),
                company, "150000", false), "opted_out");
        expected.put(invoice(run, "inactive", partner(run, "inactive", Records.newPhone(), OptInState.OPTED_IN,
                false), company, "150000", false), "partner_inactive");
        expected.put(invoice(run, "nophone", partner(run, "nophone", "see accounting", OptInState.OPTED_IN, true),
                company, "150000", false), "no_valid_number");
        expected.put(invoice(run, "unknown", "res.partner/never-published-" + run, company, "150000", false),
                "partner_unknown");
        String pausedInvoice = invoice(run, "pausedinv", reachable, company, "150000", false);
        expected.put(pausedInvoice, "invoice_paused");
        String pausedPartner = partner(run, "pausedpartner", Records.newPhone(), OptInState.OPTED_IN, true);
        expected.put(invoice(run, "pausedpartner", pausedPartner, company, "150000", false), "partner_paused");
        expected.keySet().forEach(this::awaitInvoice);
        for (String name : new String[] {"ok", "optout", "inactive", "nophone", "pausedpartner"}) {
            awaitPartner("res.partner/" + run + "-" + name);
        }
        assertThat(put("/admin/pauses?invoiceId=" + q(pausedInvoice), ADMIN, Map.of("note", "customer called"))
                .status()).isEqualTo(200);
        assertThat(put("/admin/pauses?partnerId=" + q(pausedPartner), ADMIN, null).status()).isEqualTo(200);
        clock.setNow(dakar("2026-04-04T10:00")); // level 3

        JsonNode plan = get("/admin/plan?company=" + q(company), ADMIN).body();
        Map<String, String> planned = new HashMap<>();
        plan.path("stops").forEach(s -> planned.put(s.path("invoiceId").asString(), s.path("reason").asString()));
        plan.path("reminders").forEach(r -> planned.put(r.path("invoiceId").asString(), null));
        assertThat(planned).isEqualTo(expected);
        assertThat(plan.path("stoppedByReason").path("opted_out").asInt()).isEqualTo(1);

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            JsonNode outcome = runNow(company);
            assertThat(outcome.path("counts").path("published").asInt()).isEqualTo(1);
            assertThat(outcome.path("counts").path("stopped").asInt()).isEqualTo(expected.size() - 1);
            out.awaitEvents(SendMessage.class, 1);
            org.awaitility.Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(out.events(SendMessage.class)).singleElement()
                    .satisfies(c -> assertThat(c.correlation().documentId()).endsWith("-ok"));
        }
        assertThat(getText("/actuator/prometheus")).contains("reminders_skipped_total{reason=\"opted_out\"}")
                .contains("reminders_skipped_total{reason=\"in_dispute\"}")
                .contains("reminders_skipped_total{reason=\"below_minimum_residual\"}");
        JsonNode stopped = log(pausedInvoice).path("stopped");
        assertThat(stopped.get(0).path("reason").asString()).isEqualTo("invoice_paused");
        assertThat(stopped.get(0).path("level").asInt()).isEqualTo(3);
        assertThat(log(pausedInvoice).path("pause").path("note").asString()).isEqualTo("customer called");

        assertThat(delete("/admin/pauses?invoiceId=" + q(pausedInvoice), ADMIN).status()).isEqualTo(204);
        assertThat(delete("/admin/pauses?partnerId=" + q(pausedPartner), ADMIN).status()).isEqualTo(204);
        clock.setNow(dakar("2026-04-06T10:00")); // resumed two days later: level 3 is still the due one
        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            assertThat(runNow(company).path("counts").path("published").asInt()).isEqualTo(2);
            assertThat(out.awaitEvents(SendMessage.class, 2)).extracting(SendMessage::idempotencyKey)
                    .allMatch(k -> k.endsWith(":d+3@2026-04-01"));
        }
    }

    @Test
    void paidAndCancelledInvoicesAreNotEvenPlanned() {
        String company = newCompany();
        String run = String.valueOf(System.nanoTime());
        String partner = partner(run, "p", Records.newPhone(), OptInState.OPTED_IN, true);
        String paid = "account.move/" + run + "-paid";
        String cancelled = "account.move/" + run + "-cancelled";
        var paidInvoice = Records.invoice(paid, partner, company, DUE, "150000", PaymentState.NOT_PAID, "1", false);
        var cancelledInvoice = Records.invoice(cancelled, partner, company, DUE, "150000", PaymentState.NOT_PAID, "1",
                false);
        kafka.publish(Records.posted(paidInvoice, ERP_TIME));
        kafka.publish(Records.paid(paidInvoice, ERP_TIME.plusSeconds(60)));
        kafka.publish(Records.posted(cancelledInvoice, ERP_TIME));
        kafka.publish(Records.cancelled(cancelledInvoice, ERP_TIME.plusSeconds(60)));
        awaitInvoice(paid, i -> i.path("status").asString().equals("PAID"));
        awaitInvoice(cancelled, i -> i.path("status").asString().equals("CANCELLED"));
        clock.setNow(dakar("2026-04-04T10:00"));

        JsonNode plan = get("/admin/plan?company=" + q(company), ADMIN).body();

        assertThat(plan.path("examined").asInt()).isZero();
        assertThat(plan.path("planned").asInt()).isZero();
    }

    @Test
    void aCompanyConfiguredWithoutANumberSendsNothingAndSaysWhy() {
        String company = "res.company/9"; // configured with a blank number
        String run = String.valueOf(System.nanoTime());
        String partnerId = partner(run, "nonumber", Records.newPhone(), OptInState.OPTED_IN, true);
        String invoiceId = invoice(run, "nonumber", partnerId, company, "150000", false);
        awaitInvoice(invoiceId);
        awaitPartner(partnerId);
        clock.setNow(dakar("2026-04-04T10:00"));

        JsonNode plan = get("/admin/plan?company=" + q(company), ADMIN).body();

        assertThat(plan.path("stops").findValuesAsString("reason")).contains("no_business_number");
    }

    private String partner(String run, String name, String phone, OptInState optIn, boolean active) {
        String partnerId = "res.partner/" + run + "-" + name;
        kafka.publish(Records.partner(partnerId, "Client " + name, phone, "fr_SN", optIn, active, ERP_TIME));
        return partnerId;
    }

    private String invoice(String run, String name, String partnerId, String company, String residual,
                           boolean disputed) {
        String invoiceId = "account.move/" + run + "-" + name;
        kafka.publish(Records.posted(Records.invoice(invoiceId, partnerId, company, DUE, residual,
                PaymentState.NOT_PAID, "1", disputed), ERP_TIME));
        return invoiceId;
    }
}
