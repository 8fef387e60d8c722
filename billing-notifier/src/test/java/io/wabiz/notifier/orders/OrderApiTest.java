package io.wabiz.notifier.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderApiTest extends ServiceTest {

    @Test
    void theApiNeedsATokenAndResendingNeedsAnAdmin() {
        assertThat(get("/api/notifications", null).status()).isEqualTo(401);
        assertThat(get("/api/notifications", VIEWER).status()).isEqualTo(403);
        assertThat(get("/api/notifications", AGENT).status()).isEqualTo(200);
        assertThat(post("/api/orders/1/notifications/order_created/resend", AGENT).status()).isEqualTo(403);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void anAdminSendsTheValidationAgainAsANewExplicitVersion() {
        String partnerId = newId();
        kafka.publish(partner(partnerId, newMobile(), "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "3000", "1", "5")));
            commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId));

            Answer first = post("/api/orders/" + orderId + "/notifications/order_created/resend", ADMIN);
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.body().get("key").asString()).isEqualTo("order_created:sales_order:" + orderId + ":v5-r1");
            SendMessage again = commands.awaitEvent(SendMessage.class,
                    c -> c.idempotencyKey().equals("order_created:sales_order:" + orderId + ":v5-r1"));
            assertThat(again.correlation().origin()).isEqualTo(Correlation.Origin.STAFF);
            assertThat(again.correlation().actor()).isEqualTo("test-admin");
            assertThat(post("/api/orders/" + orderId + "/notifications/order_created/resend", ADMIN).body()
                    .get("key").asString()).endsWith(":v5-r2");

            Answer listed = get("/api/orders/" + orderId, AGENT);
            assertThat(listed.body().get("notifications")).hasSize(3);
            assertThat(listed.body().get("notifications").get(1).get("resendOf").asString())
                    .isEqualTo("order_created:sales_order:" + orderId + ":v5");
        }
    }

    @Test
    void noNewValidationForAnOrderAlreadyConfirmedAndTheApiSaysWhy() {
        String partnerId = newId();
        kafka.publish(partner(partnerId, newMobile(), "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "3000", "1", "1")));
        kafka.publish(new SalesOrderStateChanged(UUID.randomUUID().toString(), now().plusSeconds(1),
                SalesOrderState.QUOTATION, order(orderId, partnerId, SalesOrderState.CONFIRMED, "XOF", "3000", "1",
                "2")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(
                get("/api/orders/" + orderId, AGENT).body() == null ? null
                        : get("/api/orders/" + orderId, AGENT).body().get("state").asString()));
        Answer refused = post("/api/orders/" + orderId + "/notifications/order_created/resend", ADMIN);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("reason").asString()).isEqualTo("document_state_changed");
        assertThat(post("/api/orders/" + newId() + "/notifications/order_created/resend", ADMIN).status())
                .isEqualTo(409);
    }

    @Test
    void anAgentSendsTheDetailsToThePartnerAndARetryWithTheSameKeyIsTheSameSend() {
        String partnerId = newId();
        String mobile = newMobile();
        kafka.publish(partner(partnerId, mobile, "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "3000", "1", "1")));
            commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId));
            Answer sent = call("POST", "/api/orders/" + orderId + "/details", AGENT, null,
                    Map.of("Idempotency-Key", "call-42"));
            assertThat(sent.status()).isEqualTo(202);
            Answer retried = call("POST", "/api/orders/" + orderId + "/details", AGENT, null,
                    Map.of("Idempotency-Key", "call-42"));
            assertThat(retried.body().get("replayed").asBoolean()).isTrue();
            SendMessage details = commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(orderId) && c.correlation().notificationKind() == NotificationKind.ORDER_DETAILS);
            assertThat(details.recipientWaId()).isEqualTo(waIdOf(mobile));
            assertThat(details.idempotencyKey()).endsWith(":staff-call-42");
        }
    }

    @Test
    void thePartnerViewSaysWhyNothingReachesAPartner() {
        String partnerId = newId();
        kafka.publish(partner(partnerId, "not a phone", "fr", OptInState.OPTED_IN, true, "1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/partners/" + partnerId, AGENT).status() == 200);
        Answer partner = get("/api/partners/" + partnerId, AGENT);
        assertThat(partner.body().get("unreachable").asString()).isEqualTo("no_valid_number");
        assertThat(partner.body().get("invalidPhones").get(0).asString()).isEqualTo("not a phone");
    }
}
