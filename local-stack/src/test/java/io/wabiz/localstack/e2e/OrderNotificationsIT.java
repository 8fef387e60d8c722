package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.LocalSecrets;
import io.wabiz.localstack.services.StackService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sales order created in the ERP reaches the customer's phone through the whole platform: billing-notifier,
 * outbound-sender and the Meta simulator. Runs just before the stack-restart class, as it restarts the stack too.
 */
@Order(Integer.MAX_VALUE - 1)
class OrderNotificationsIT {

    private static final Duration FLOW = Duration.ofSeconds(45);

    private static RunningStack stack;
    private static SimulatorApi simulator;
    private static CommandPublisher erp;

    @BeforeAll
    static void stack() {
        stack = PlatformStack.get();
        simulator = SimulatorApi.of(stack);
        erp = new CommandPublisher(stack.kafkaBootstrapServers());
    }

    @AfterAll
    static void close() {
        erp.close();
    }

    @Test
    void aCustomerWhoNeverWroteGetsTheApprovedTemplateWithTheButtonsPayloadsAndTheErpIsTold() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Awa Diop");
        String partnerId = newId();
        String orderId = newId();
        erp.publish(partner(partnerId, waId));
        erp.publish(new SalesOrderCreated(UUID.randomUUID().toString(), Instant.now(), order(orderId, partnerId,
                SalesOrderState.QUOTATION_SENT, "1")));

        JsonNode onPhone = await().atMost(FLOW).until(() -> simulator.businessMessage(waId, m -> true),
                Optional::isPresent).orElseThrow();
        assertThat(onPhone.path("type").asString()).isEqualTo("template");
        JsonNode template = onPhone.path("template");
        assertThat(template.path("name").asString()).isEqualTo("sales_order_created");
        assertThat(template.path("body").asString().replace('\u202F', ' ').replace('\u00A0', ' '))
                .contains("Bonjour Awa Diop", "S" + orderId, "125 000 F CFA", "Moussa Ndiaye");
        assertThat(template.path("buttons")).extracting(b -> b.path("payload").asString()).containsExactly(
                "order:" + orderId + ":confirm:v1", "order:" + orderId + ":cancel:v1",
                "order:" + orderId + ":details:v1");
        assertThat(onPhone.path("bizOpaqueCallbackData").asString())
                .isEqualTo("order_created:sales_order:" + orderId + ":v1");

        String wamid = onPhone.path("wamid").asString();
        await().atMost(FLOW).untilAsserted(() -> {
            JsonNode notification = notifier().get("/api/orders/" + orderId + "/notifications").expect(200).body()
                    .path(0);
            assertThat(notification.path("wamid").asString()).isEqualTo(wamid);
            assertThat(notification.path("form").asString()).isEqualTo("FALLBACK_TEMPLATE");
            assertThat(notification.path("erpToldAt").isMissingNode()).isFalse();
        });
    }

    @Test
    void aCustomerInsideTheWindowGetsThreeReplyButtonsAndAfterATapTheConfirmation() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Moussa Sarr");
        String hello = simulator.customerWrites(waId, "Bonjour, je passe commande");
        await().atMost(FLOW).until(() -> StaffApi.of(stack).message(waId, hello).isPresent());
        String partnerId = newId();
        String orderId = newId();
        erp.publish(partner(partnerId, waId));
        SalesOrder quotation = order(orderId, partnerId, SalesOrderState.QUOTATION, "4");
        erp.publish(new SalesOrderCreated(UUID.randomUUID().toString(), Instant.now(), quotation));

        JsonNode onPhone = await().atMost(FLOW).until(() -> simulator.businessMessage(waId, m -> true),
                Optional::isPresent).orElseThrow();
        assertThat(onPhone.path("type").asString()).isEqualTo("interactive");
        JsonNode buttons = onPhone.path("message").path("interactive").path("action").path("buttons");
        assertThat(buttons).extracting(b -> b.path("reply").path("id").asString()).containsExactly(
                "order:" + orderId + ":confirm:v4", "order:" + orderId + ":cancel:v4",
                "order:" + orderId + ":details:v4");

        // the customer taps Valider; the scenario engine asks the ERP, which confirms the order
        String tap = simulator.customerTapsButton(waId, onPhone.path("wamid").asString(),
                "order:" + orderId + ":confirm:v4");
        erp.publish(new ConfirmSalesOrder(UUID.randomUUID().toString(), Instant.now(), orderId, "S" + orderId,
                new CustomerTap(LocalSecrets.PHONE_NUMBER_ID, waId, tap, Instant.now())));
        erp.publish(new SalesOrderStateChanged(UUID.randomUUID().toString(), Instant.now().plusSeconds(1),
                SalesOrderState.QUOTATION, order(orderId, partnerId, SalesOrderState.CONFIRMED, "5")));

        JsonNode confirmation = await().atMost(FLOW).until(() -> simulator.businessMessage(waId,
                m -> m.toString().contains("est confirmée")), Optional::isPresent).orElseThrow();
        assertThat(confirmation.path("contextWamid").asString()).isEqualTo(tap);
        assertThat(confirmation.path("bizOpaqueCallbackData").asString())
                .isEqualTo("order_confirmation:sales_order:" + orderId + ":v5");
    }

    @Test
    void theSameOrderPublishedThreeTimesWithARestartBetweenReachesThePhoneOnce() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Fatou Ba");
        String partnerId = newId();
        String orderId = newId();
        erp.publish(partner(partnerId, waId));
        SalesOrderCreated created = new SalesOrderCreated(UUID.randomUUID().toString(), Instant.now(),
                order(orderId, partnerId, SalesOrderState.QUOTATION, "2"));
        erp.publish(created);
        await().atMost(FLOW).until(() -> simulator.businessMessage(waId, m -> true), Optional::isPresent);

        erp.close();
        stack = PlatformStack.restart();
        simulator = SimulatorApi.of(stack);
        erp = new CommandPublisher(stack.kafkaBootstrapServers());
        erp.publish(created);
        erp.publish(created);

        // an update of the same order comes after the republished events on its partition: once the notifier shows
        // it, it has read them too
        erp.publish(new io.wabiz.events.erp.SalesOrderUpdated(UUID.randomUUID().toString(), Instant.now(),
                order(orderId, partnerId, SalesOrderState.QUOTATION, "3")));
        await().atMost(FLOW).untilAsserted(() -> assertThat(notifier().get("/api/orders/" + orderId).expect(200)
                .body().path("version").asString()).isEqualTo("3"));

        await().during(Duration.ofSeconds(3)).atMost(FLOW).until(() -> simulator.chat(waId).stream()
                .filter(m -> "BUSINESS".equals(m.path("direction").asString())).count() == 1);
        assertThat(notifier().get("/api/orders/" + orderId + "/notifications").expect(200).body()).hasSize(1);
    }

    private static JsonHttp notifier() {
        return new JsonHttp(stack.url(StackService.BILLING_NOTIFIER), Map.of("Authorization",
                "Bearer local-agent-token"));
    }

    private static String newId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000, 99_999_999));
    }

    private static PartnerUpserted partner(String partnerId, String waId) {
        return new PartnerUpserted(UUID.randomUUID().toString(), Instant.now(), partnerId, "Awa Diop", "Diop SARL",
                List.of("+" + waId), null, "fr_SN", "SN", OptInState.OPTED_IN, true, "1");
    }

    private static SalesOrder order(String orderId, String partnerId, SalesOrderState state, String version) {
        BigDecimal total = new BigDecimal("125000");
        return new SalesOrder(orderId, "S" + orderId, partnerId, "Diop SARL", Instant.parse("2026-03-03T10:15:00Z"),
                null, null, state, "XOF", total, BigDecimal.ZERO, total,
                List.of(new DocumentLine("p1", "Ciment CPA 42,5", null, BigDecimal.TEN, "sac", new BigDecimal("12500"),
                        null, total)), "Moussa Ndiaye", null, "1", version);
    }
}
