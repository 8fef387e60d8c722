package io.wabiz.notifier.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCreatedTest extends ServiceTest {

    @Test
    void aNewOrderAsksTheCustomerToValidateWithThreeButtonsAndATemplateTwin() {
        String partnerId = newId();
        String mobile = newMobile();
        kafka.publish(partner(partnerId, mobile, "fr_FR", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION_SENT, "XOF", "125000", "1",
                    "3")));

            SendMessage command = commands.awaitEvent(SendMessage.class,
                    c -> c.correlation().documentId().equals(orderId));
            assertThat(command.idempotencyKey()).isEqualTo("order_created:sales_order:" + orderId + ":v3");
            assertThat(command.businessPhoneNumberId()).isEqualTo(BUSINESS_NUMBER);
            assertThat(command.recipientWaId()).isEqualTo(waIdOf(mobile));
            assertThat(command.correlation().origin()).isEqualTo(Correlation.Origin.AUTOMATION);

            OutboundContent.ReplyButtons buttons = (OutboundContent.ReplyButtons) command.content();
            assertThat(buttons.buttons()).extracting(OutboundContent.ReplyButton::id).containsExactly(
                    "order:" + orderId + ":confirm:v3", "order:" + orderId + ":cancel:v3",
                    "order:" + orderId + ":details:v3");
            assertThat(buttons.buttons()).extracting(OutboundContent.ReplyButton::title)
                    .containsExactly("Valider", "Annuler", "Détails");
            assertThat(buttons.body().replace('\u202F', ' ').replace('\u00A0', ' '))
                    .contains("S" + orderId, "3 mars 2026", "125 000 F CFA", "Moussa Ndiaye", "Awa Diop");

            OutboundContent.Template template = command.fallbackTemplate();
            assertThat(template.name()).isEqualTo("sales_order_created");
            assertThat(template.language()).isEqualTo("fr");
            assertThat(template.parameterCount("body")).isEqualTo(5);
            assertThat(template.components()).filteredOn(c -> c.type().equals("button"))
                    .extracting(c -> c.parameters().getFirst().payload())
                    .containsExactly("order:" + orderId + ":confirm:v3", "order:" + orderId + ":cancel:v3",
                            "order:" + orderId + ":details:v3");
        }
        Answer notifications = get("/api/orders/" + orderId + "/notifications", AGENT);
        assertThat(notifications.status()).isEqualTo(200);
        assertThat(notifications.body().get(0).get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void anEnglishCustomerOfAnotherCompanyGetsEnglishEurosFromThatCompanysNumber() {
        String partnerId = newId();
        kafka.publish(partner(partnerId, newMobile(), "en_US", OptInState.UNKNOWN, true, "2"));
        String orderId = newId();
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "EUR", "1234.5", "2", "1")));
            SendMessage command = commands.awaitEvent(SendMessage.class,
                    c -> c.correlation().documentId().equals(orderId));
            assertThat(command.businessPhoneNumberId()).isEqualTo("100000000000002");
            OutboundContent.ReplyButtons buttons = (OutboundContent.ReplyButtons) command.content();
            assertThat(buttons.body()).contains("€1,234.50", "Mar 3, 2026");
            assertThat(buttons.buttons()).extracting(OutboundContent.ReplyButton::title)
                    .containsExactly("Confirm", "Cancel", "Details");
            assertThat(command.fallbackTemplate().language()).isEqualTo("en");
        }
    }

    @Test
    void unreachablePartnersGetNothingAndTheReasonIsRecorded() {
        record Case(String mobile, OptInState optIn, boolean active, String company, String reason) {
        }
        List<Case> cases = List.of(
                new Case(newMobile(), OptInState.OPTED_IN, false, "1", "partner_inactive"),
                new Case(newMobile(), OptInState.OPTED_OUT, true, "1", "opted_out"),
                new Case("12 34", OptInState.OPTED_IN, true, "1", "no_valid_number"),
                new Case(null, OptInState.OPTED_IN, true, "1", "no_valid_number"),
                new Case(newMobile(), OptInState.UNKNOWN, true, "4", "not_opted_in"),
                new Case(newMobile(), OptInState.OPTED_IN, true, "3", "flow_disabled"),
                new Case(newMobile(), OptInState.OPTED_IN, true, "5", "no_business_number"));
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            for (Case c : cases) {
                String partnerId = newId();
                String orderId = newId();
                kafka.publish(partner(partnerId, c.mobile(), "fr", c.optIn(), c.active(), c.company()));
                kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "5000", c.company(),
                        "1")));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    Answer answer = get("/api/orders/" + orderId + "/notifications", AGENT);
                    assertThat(answer.body()).hasSize(1);
                    assertThat(answer.body().get(0).get("state").asString()).isEqualTo("SKIPPED");
                    assertThat(answer.body().get(0).get("skipped").get("reason").asString()).isEqualTo(c.reason());
                });
            }
            commands.assertNothingFor(Duration.ofSeconds(1));
        }
        assertThat(metrics()).contains("notifier_skips_total{kind=\"order_created\",reason=\"opted_out\"}");
    }

    @Test
    void anOrderBeforeItsPartnerWaitsThenGoesOutWhenThePartnerArrives() {
        String partnerId = newId();
        String orderId = newId();
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "7000", "1", "1")));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer answer = get("/api/orders/" + orderId + "/notifications", AGENT);
                assertThat(answer.body()).hasSize(1);
                assertThat(answer.body().get(0).get("state").asString()).isEqualTo("WAITING_FOR_PARTNER");
            });
            String mobile = newMobile();
            kafka.publish(partner(partnerId, mobile, "fr", OptInState.UNKNOWN, true, "1"));
            SendMessage command = commands.awaitEvent(SendMessage.class,
                    c -> c.correlation().documentId().equals(orderId));
            assertThat(command.recipientWaId()).isEqualTo(waIdOf(mobile));
        }
    }

    @Test
    void anOrderConfirmedBeforeItsCreationArrivedGetsNoValidationMessage() {
        String partnerId = newId();
        kafka.publish(partner(partnerId, newMobile(), "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        SalesOrder quotation = order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "9000", "1", "1");
        SalesOrder confirmed = order(orderId, partnerId, SalesOrderState.CONFIRMED, "XOF", "9000", "1", "2");
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(new io.wabiz.events.erp.SalesOrderStateChanged(java.util.UUID.randomUUID().toString(),
                    now(), SalesOrderState.QUOTATION, confirmed));
            kafka.publish(new io.wabiz.events.erp.SalesOrderCreated(java.util.UUID.randomUUID().toString(),
                    now().minusSeconds(60), quotation));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer answer = get("/api/orders/" + orderId + "/notifications", AGENT);
                assertThat(answer.body()).hasSize(1);
                assertThat(answer.body().get(0).get("skipped").get("reason").asString())
                        .isEqualTo("document_state_changed");
            });
            commands.assertNothingFor(Duration.ofSeconds(1));
        }
    }
}
