package io.wabiz.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole path of a reminder through the real broker: ERP events in, a run, the command out, the outcome back. */
class ReminderFlowTest extends ServiceTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 1); // a Wednesday

    @Test
    void remindsTheMostAdvancedDueLevelOnceAndTellsTheErpOnlyOnAcceptance() {
        String company = newCompany();
        String phone = Records.newPhone();
        String invoiceId = "account.move/" + System.nanoTime();
        kafka.publish(Records.partner("res.partner/flow-" + invoiceId, phone));
        kafka.publish(Records.posted(Records.invoice(invoiceId, "res.partner/flow-" + invoiceId, company, DUE,
                "150000", PaymentState.NOT_PAID, "1", false), Instant.parse("2026-03-02T09:00:00Z")));
        awaitInvoice(invoiceId);
        awaitPartner("res.partner/flow-" + invoiceId);
        clock.setNow(dakar("2026-04-11T10:00")); // day 10: level 3 was missed, -3 is a courtesy too late to send

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS, Topics.ERP_NOTIFICATIONS)) {
            JsonNode run = runNow(company);

            assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(run.path("counts").path("published").asInt()).isEqualTo(1);
            assertThat(run.path("counts").path("superseded").asInt()).isEqualTo(1);
            SendMessage command = out.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(invoiceId));
            assertThat(command.idempotencyKey()).isEqualTo("unpaid_reminder:invoice:" + invoiceId + ":d+10@2026-04-01");
            assertThat(command.businessPhoneNumberId()).isEqualTo(BUSINESS_NUMBER);
            assertThat(command.recipientWaId()).isEqualTo(Records.waIdOf(phone));
            assertThat(command.fallbackTemplate()).isNull();
            assertThat(command.correlation().notificationKind()).isEqualTo(NotificationKind.UNPAID_REMINDER);
            OutboundContent.Template template = (OutboundContent.Template) command.content();
            assertThat(template.name()).isEqualTo("invoice_reminder_overdue");
            assertThat(template.language()).isEqualTo("fr");
            List<String> body = bodyOf(template);
            assertThat(body.subList(0, 5)).containsExactly("Awa Diop", "INV/2026/" + invoiceId.replaceAll("\\D", ""),
                    "1 avr. 2026", "10 jours de retard", "150 000 F CFA");
            assertThat(body.get(5)).startsWith("https://pay.test.example/pay/");

            JsonNode again = runNow(company);
            assertThat(again.path("counts").path("published").asInt()).isZero();

            JsonNode log = log(invoiceId);
            assertThat(statuses(log)).containsExactlyInAnyOrderEntriesOf(Map.of(10, "PUBLISHED", 3, "SUPERSEDED"));
            assertThat(out.events(NotificationRecorded.class)).as("not before Meta accepted it").isEmpty();

            kafka.publish(Records.accepted(command, "wamid.FLOW" + System.nanoTime(), Instant.now()));
            NotificationRecorded recorded = out.awaitEvent(NotificationRecorded.class,
                    r -> r.documentId().equals(invoiceId));
            assertThat(recorded.kind()).isEqualTo(NotificationKind.UNPAID_REMINDER);
            assertThat(recorded.documentType()).isEqualTo(ErpDocumentType.INVOICE);
            assertThat(recorded.reminderLevel()).isEqualTo(10);
            assertThat(recorded.customerWaId()).isEqualTo(Records.waIdOf(phone));
            assertThat(recorded.wamid()).startsWith("wamid.FLOW");

            kafka.publish(Records.accepted(command, recorded.wamid(), Instant.now())); // the sender's replay
            await(Duration.ofSeconds(2));
            assertThat(out.events(NotificationRecorded.class)).hasSize(1);
            assertThat(out.events(SendMessage.class)).hasSize(1);
            assertThat(statuses(log(invoiceId))).containsEntry(10, "ACCEPTED");
        }
        // the log by partner and by company and status, the day's run, the metrics of what happened
        assertThat(get("/admin/log?partnerId=" + q("res.partner/flow-" + invoiceId), ADMIN).body()
                .findValuesAsString("key")).containsExactlyInAnyOrder(
                "unpaid_reminder:invoice:" + invoiceId + ":d+10@2026-04-01",
                "unpaid_reminder:invoice:" + invoiceId + ":d+3@2026-04-01");
        assertThat(get("/admin/log?company=" + q(company) + "&status=ACCEPTED", ADMIN).body()
                .findValuesAsString("invoiceId")).containsExactly(invoiceId);
        JsonNode runs = get("/admin/runs?company=" + q(company), ADMIN).body();
        assertThat(runs.size()).isEqualTo(1); // one record per company and day, run twice
        assertThat(runs.get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(runs.get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(runs.get(0).path("day").asString()).isEqualTo("2026-04-11");
        assertThat(getText("/actuator/prometheus"))
                .contains("reminders_messages_total{level=\"L10\",outcome=\"published\"}")
                .contains("reminders_messages_total{level=\"L10\",outcome=\"accepted\"}")
                .contains("reminders_messages_total{level=\"L3\",outcome=\"superseded\"}")
                .contains("reminders_invoices_planned_total{company=\"" + company + "\"} 1.0");
    }

    @Test
    void aRejectionIsRecordedWithMetasHelpTheErpHearsNothingAndTheLevelIsNotTriedAgain() {
        String company = newCompany();
        String invoiceId = "account.move/" + System.nanoTime();
        String partnerId = "res.partner/rejected-" + invoiceId;
        kafka.publish(Records.partner(partnerId, Records.newPhone()));
        kafka.publish(Records.posted(Records.invoice(invoiceId, partnerId, company, DUE, "150000",
                PaymentState.NOT_PAID, "1", false), Instant.parse("2026-03-02T09:00:00Z")));
        awaitInvoice(invoiceId);
        awaitPartner(partnerId);
        clock.setNow(dakar("2026-04-04T10:00"));

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS, Topics.ERP_NOTIFICATIONS)) {
            runNow(company);
            SendMessage command = out.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(invoiceId));
            kafka.publish(Records.rejected(command, 131026, "Message undeliverable",
                    "The number is not on WhatsApp: check it with the customer", Instant.now()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    statuses(log(invoiceId)).get(3).equals("REJECTED"));

            JsonNode entry = log(invoiceId).path("reminders").get(0);
            assertThat(entry.path("rejection").path("code").asInt()).isEqualTo(131026);
            assertThat(entry.path("rejection").path("helpText").asString()).contains("not on WhatsApp");
            clock.setNow(dakar("2026-04-06T10:00"));
            assertThat(runNow(company).path("counts").path("published").asInt()).isZero();
            await(Duration.ofSeconds(1));
            assertThat(out.events(SendMessage.class)).hasSize(1);
            assertThat(out.events(NotificationRecorded.class)).isEmpty();
        }
    }

    @Test
    void downFromDayTwoToDayTwelveGivesOneReminderOnRestartDayThenTheLastLevelAndNothingMore() {
        String company = newCompany();
        String invoiceId = "account.move/" + System.nanoTime();
        kafka.publish(Records.partner("res.partner/down-" + invoiceId, Records.newPhone()));
        kafka.publish(Records.posted(Records.invoice(invoiceId, "res.partner/down-" + invoiceId, company, DUE,
                "80000", PaymentState.NOT_PAID, "1", false), Instant.parse("2026-03-02T09:00:00Z")));
        awaitInvoice(invoiceId);
        awaitPartner("res.partner/down-" + invoiceId);
        List<String> sent = new ArrayList<>();

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            // the days the service was up and ran (Sundays are skipped by default: none of these is one)
            for (String day : List.of("2026-03-28", "2026-03-30", "2026-04-01", "2026-04-02", "2026-04-13",
                    "2026-04-14", "2026-04-30", "2026-05-01", "2026-05-02", "2026-06-30")) {
                clock.setNow(dakar(day + "T09:00"));
                int published = runNow(company).path("counts").path("published").asInt();
                for (int i = 0; i < published; i++) {
                    sent.add(day);
                }
            }
            List<SendMessage> commands = out.awaitEvents(SendMessage.class, 3);
            await(Duration.ofSeconds(1));

            assertThat(sent).containsExactly("2026-03-30", "2026-04-13", "2026-05-01");
            assertThat(out.events(SendMessage.class)).extracting(SendMessage::idempotencyKey).containsExactly(
                    "unpaid_reminder:invoice:" + invoiceId + ":d-3@2026-04-01",
                    "unpaid_reminder:invoice:" + invoiceId + ":d+10@2026-04-01",
                    "unpaid_reminder:invoice:" + invoiceId + ":d+30@2026-04-01");
            assertThat(bodyOf((OutboundContent.Template) commands.get(0).content()).get(3)).isEqualTo("dans 2 jours");
            assertThat(((OutboundContent.Template) commands.get(0).content()).name())
                    .isEqualTo("invoice_reminder_upcoming");
            assertThat(((OutboundContent.Template) commands.get(2).content()).name())
                    .isEqualTo("invoice_reminder_final");
        }
    }

    @Test
    void aCompanyInParisRunsOnItsOwnDayInItsPartnersLanguageAndRespectsQuietHours() {
        String company = "res.company/2"; // Europe/Paris, its own number, English by default
        String invoiceId = "account.move/" + System.nanoTime();
        String partnerId = "res.partner/paris-" + invoiceId;
        kafka.publish(Records.partner(partnerId, "Claire Martin", "+33 6 12 34 56 78", "en_GB", OptInState.OPTED_IN,
                true, Instant.parse("2026-01-01T00:00:00Z")));
        Invoice invoice = new Invoice(invoiceId, "FAC/2026/0042", partnerId, "Claire Martin", DUE.minusDays(30), DUE,
                "EUR", new java.math.BigDecimal("1234.50"), java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("1234.50"), new java.math.BigDecimal("1234.50"), PaymentState.NOT_PAID,
                "FAC/2026/0042", null, List.of(), List.of(), company, "7", false, List.of());
        kafka.publish(Records.posted(invoice, Instant.parse("2026-03-02T09:00:00Z")));
        awaitInvoice(invoiceId);
        awaitPartner(partnerId);

        try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            // 2026-03-28 23:30 UTC is already 2026-03-29 00:30 in Paris: quiet hours there
            clock.setNow(Instant.parse("2026-03-28T23:30:00Z"));
            Answer quiet = post("/admin/runs?company=" + q(company), ADMIN, null);
            assertThat(quiet.status()).isEqualTo(409);
            assertThat(quiet.body().path("detail").asString()).contains("quiet hours");

            // 08:30 in Paris on the DST day (06:30 UTC): the -3 level, for the Paris calendar day 2026-03-29
            clock.setNow(Instant.parse("2026-03-29T06:30:00Z"));
            JsonNode run = runNow(company);
            assertThat(run.path("day").asString()).isEqualTo("2026-03-29");
            SendMessage command = out.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(invoiceId));

            assertThat(command.businessPhoneNumberId()).isEqualTo("100000000000002");
            assertThat(command.recipientWaId()).isEqualTo("33612345678");
            OutboundContent.Template template = (OutboundContent.Template) command.content();
            assertThat(template.language()).isEqualTo("en");
            assertThat(bodyOf(template).subList(0, 5)).containsExactly("Claire Martin", "FAC/2026/0042",
                    "Apr 1, 2026", "in 3 days", "€1,234.50");
        }
    }

    private static Map<Integer, String> statuses(JsonNode log) {
        Map<Integer, String> statuses = new java.util.HashMap<>();
        log.path("reminders").forEach(r -> statuses.put(r.path("level").asInt(), r.path("status").asString()));
        return statuses;
    }

    static List<String> bodyOf(OutboundContent.Template template) {
        return template.components().stream().filter(c -> c.type().equals("body")).findFirst().orElseThrow()
                .parameters().stream().map(p -> p.text().replace('\u202f', ' ').replace('\u00a0', ' ')).toList();
    }

    private static void await(Duration quiet) {
        org.awaitility.Awaitility.await().pollDelay(quiet).atMost(quiet.plusSeconds(1)).until(() -> true);
    }
}
