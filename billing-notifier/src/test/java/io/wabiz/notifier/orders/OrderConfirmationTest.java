package io.wabiz.notifier.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderConfirmationTest extends ServiceTest {

    private static final String TAPPED_ON = "100000000000009";

    private String customer;
    private String partnerId;

    private String placeOrder(String version) {
        partnerId = newId();
        String mobile = newMobile();
        customer = waIdOf(mobile);
        kafka.publish(partner(partnerId, mobile, "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION_SENT, "XOF", "125000", "1",
                version)));
        return orderId;
    }

    private CustomerTap tap(String wamid, Instant at) {
        return new CustomerTap(TAPPED_ON, customer, wamid, at);
    }

    private SalesOrderStateChanged changed(String orderId, SalesOrderState state, String version, Instant at) {
        return new SalesOrderStateChanged(UUID.randomUUID().toString(), at, SalesOrderState.QUOTATION_SENT,
                order(orderId, partnerId, state, "XOF", "125000", "1", version));
    }

    @Test
    void theCustomerWhoTappedValidateHearsTheOrderIsConfirmedInReplyToTheTap() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            String orderId = placeOrder("1");
            commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId));
            Instant tappedAt = now();
            kafka.publish(new ConfirmSalesOrder(UUID.randomUUID().toString(), tappedAt, orderId, "S" + orderId,
                    tap("wamid.TAP" + orderId, tappedAt)));
            kafka.publish(changed(orderId, SalesOrderState.CONFIRMED, "2", tappedAt.plusSeconds(2)));

            SendMessage confirmation = commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(orderId) && c.correlation().notificationKind() == NotificationKind.ORDER_CONFIRMATION);
            assertThat(confirmation.idempotencyKey()).isEqualTo("order_confirmation:sales_order:" + orderId + ":v2");
            assertThat(confirmation.replyToWamid()).isEqualTo("wamid.TAP" + orderId);
            assertThat(confirmation.businessPhoneNumberId()).isEqualTo(TAPPED_ON);
            assertThat(confirmation.recipientWaId()).isEqualTo(customer);
            OutboundContent.ReplyButtons content = (OutboundContent.ReplyButtons) confirmation.content();
            assertThat(content.body()).contains("est confirmée");
            assertThat(content.buttons()).extracting(OutboundContent.ReplyButton::id)
                    .containsExactly("order:" + orderId + ":details:v2");
            assertThat(confirmation.fallbackTemplate().name()).isEqualTo("sales_order_confirmed");
        }
    }

    @Test
    void anErpThatConfirmedBeforeTheTapCommandArrivedStillSendsOneConfirmation() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            String orderId = placeOrder("1");
            Instant tappedAt = now();
            kafka.publish(changed(orderId, SalesOrderState.CONFIRMED, "2", tappedAt.plusSeconds(1)));
            kafka.publish(new ConfirmSalesOrder(UUID.randomUUID().toString(), tappedAt, orderId, "S" + orderId,
                    tap("wamid.TAP" + orderId, tappedAt)));
            kafka.publish(changed(orderId, SalesOrderState.CONFIRMED, "2", tappedAt.plusSeconds(1))); // republished

            commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId)
                    && c.correlation().notificationKind() == NotificationKind.ORDER_CONFIRMATION);
            assertStaysAt(commands, c -> c.correlation().documentId().equals(orderId)
                    && c.correlation().notificationKind() == NotificationKind.ORDER_CONFIRMATION, 1, Duration.ofSeconds(1));
        }
    }

    @Test
    void aCancelTapFollowedByTheCancellationSendsTheCancellationText() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            String orderId = placeOrder("7");
            Instant tappedAt = now();
            kafka.publish(new CancelSalesOrder(UUID.randomUUID().toString(), tappedAt, orderId, "S" + orderId,
                    tap("wamid.CANCEL" + orderId, tappedAt)));
            kafka.publish(changed(orderId, SalesOrderState.CANCELLED, "8", tappedAt.plusSeconds(1)));
            SendMessage cancellation = commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(orderId) && c.correlation().notificationKind() == NotificationKind.ORDER_CONFIRMATION);
            assertThat(((OutboundContent.Text) cancellation.content()).body()).contains("est annulée");
            assertThat(cancellation.fallbackTemplate().name()).isEqualTo("sales_order_cancelled");
        }
    }

    @Test
    void anOrderConfirmedInTheErpWithoutATapSendsNothingMore() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            String orderId = placeOrder("1");
            commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId));
            kafka.publish(changed(orderId, SalesOrderState.CONFIRMED, "2", now()));
            assertStaysAt(commands, c -> c.correlation().documentId().equals(orderId),
                    1, Duration.ofSeconds(1));
        }
    }
}
