package io.wabiz.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.EventJson;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.platform.kafka.PlatformKafkaAutoConfiguration;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The admin API's door and its answers to bad requests; bad ERP records go to the dead-letter topic. */
class AdminApiTest extends ServiceTest {

    @Test
    void onlyAdminsGetIn() {
        assertThat(get("/admin/runs", null).status()).isEqualTo(401);
        assertThat(get("/admin/runs", "not-a-token").status()).isEqualTo(401);
        assertThat(get("/admin/runs", AGENT).status()).isEqualTo(403);
        assertThat(get("/admin/runs", ADMIN).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        String company = newCompany();
        clock.setNow(dakar("2026-04-04T10:00"));
        runNow(company);
        assertThat(getText("/actuator/prometheus"))
                .contains("reminders_run_last_success_seconds{company=\"" + company + "\"}")
                .contains("reminders_run_behind_seconds{company=\"" + company + "\"} 0.0")
                .contains("reminders_run_duration_seconds_count{company=\"" + company + "\",outcome=\"completed\"}");
    }

    @Test
    void badRequestsGetAProblemAndChangeNothing() {
        Answer both = put("/admin/pauses?invoiceId=a&partnerId=b", ADMIN, null);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().path("detail").asString()).contains("exactly one of invoiceId and partnerId");
        assertThat(get("/admin/pauses", ADMIN).body().findValuesAsString("id")).doesNotContain("a", "b");

        Answer notPaused = delete("/admin/pauses?invoiceId=" + q("account.move/never-paused"), ADMIN);
        assertThat(notPaused.status()).isEqualTo(404);

        assertThat(get("/admin/plan", ADMIN).status()).isEqualTo(400);
        assertThat(get("/admin/plan?company=x&day=yesterday", ADMIN).status()).isEqualTo(400);
        assertThat(get("/admin/plan?company=x&limit=-1", ADMIN).status()).isEqualTo(400);
        assertThat(put("/admin/clock", ADMIN, Map.of()).status()).isEqualTo(400);
        assertThat(get("/admin/partners?partnerId=" + q("res.partner/nobody"), ADMIN).status()).isEqualTo(404);
    }

    @Test
    void theClockMovesOnlyThroughTheAdminEndpointOfTheLocalProfile() {
        Answer moved = put("/admin/clock", ADMIN, Map.of("now", "2026-04-11T08:05:00Z"));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(Instant.parse(moved.body().path("now").asString()))
                .isBetween(Instant.parse("2026-04-11T08:04:59Z"), Instant.parse("2026-04-11T08:06:00Z"));
        assertThat(put("/admin/clock", AGENT, Map.of("offset", "P1D")).status()).isEqualTo(403);
    }

    @Test
    void anInvoiceWithoutADueDateGoesToTheDeadLetterTopicWithItsReason() {
        String invoiceId = "account.move/" + System.nanoTime() + "-nodue";
        Invoice noDueDate = new Invoice(invoiceId, "INV/X", "res.partner/1", "n", null, null, "XOF", null, null, null,
                new BigDecimal("1000"), PaymentState.NOT_PAID, null, null, List.of(), List.of());

        try (TopicWatcher dlt = kafka.watch(Topics.deadLetter(Topics.ERP_INVOICES))) {
            kafka.publish(new InvoicePosted("evt-" + invoiceId, Instant.now(), noDueDate));

            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains(invoiceId));
            assertThat(new String(dead.headers().lastHeader(PlatformKafkaAutoConfiguration.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("no due date");
        }
        assertThat(log(invoiceId).path("invoice").isNull()).isTrue();
        assertThat(EventJson.toJson(noDueDate)).doesNotContain("dueDate");
    }

    @Test
    void theStopReasonsAreExplained() {
        assertThat(get("/admin/stop-reasons", ADMIN).body().path("opted_out").asString())
                .contains("opted out");
    }
}
