package io.wabiz.scenarioengine.taps;

import static io.wabiz.scenarioengine.Records.buttonTap;
import static io.wabiz.scenarioengine.Records.order;
import static io.wabiz.scenarioengine.Records.orderCreated;
import static io.wabiz.scenarioengine.Records.orderStateChanged;
import static io.wabiz.scenarioengine.Records.orderUpdated;
import static io.wabiz.scenarioengine.Records.partner;
import static io.wabiz.scenarioengine.Records.quickReply;
import static io.wabiz.scenarioengine.Records.redelivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.scenarioengine.ServiceTest;
import io.wabiz.scenarioengine.orders.DocumentProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Taps on the order buttons of the design's grammar, through the real topics and the engine's projection. */
class OrderTapsTest extends ServiceTest {

    @Autowired
    DocumentProjection documents;
    @Autowired
    MongoDatabase database;

    private SalesOrder knownOrder(SalesOrderState state, String version) {
        SalesOrder order = order(newId("sale.order"), newId("res.partner"), state, version, "125000");
        kafka.publish(orderCreated(order));
        await().atMost(Duration.ofSeconds(20)).until(() -> documents.orders(List.of(order.orderId()))
                .values().stream().anyMatch(o -> version.equals(o.version())));
        return order;
    }

    @Test
    void confirmTapSendsOneErpCommandAndOneAcknowledgementEvenWhenDeliveredFiveTimes() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION_SENT, "3");
        String waId = newCustomer();
        String wamid = newWamid();
        InboundMessageReceived tap = buttonTap(waId, wamid, "order:" + order.orderId() + ":confirm:v3", "Valider");
        for (int delivery = 0; delivery < 5; delivery++) {
            // Meta's redeliveries come as new records (new ids) with the same message; Kafka's as the same record
            kafka.publish(delivery % 2 == 0 ? tap : redelivered(tap));
        }

        ConfirmSalesOrder confirm = out.awaitEvent(ConfirmSalesOrder.class, c -> c.orderId().equals(order.orderId()));
        assertThat(confirm.tap().wamid()).isEqualTo(wamid);
        assertThat(confirm.tap().customerWaId()).isEqualTo(waId);
        assertThat(confirm.tap().tappedAt()).isEqualTo(tap.sentAt());
        assertThat(confirm.orderNumber()).isEqualTo(order.number());
        SendMessage ack = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) ack.content()).body()).contains(order.number()).contains("validée")
                .contains("125\u202F000");
        assertThat(ack.correlation().origin()).isEqualTo(Correlation.Origin.SCENARIO);
        assertThat(ack.idempotencyKey()).startsWith("scenario:" + wamid);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() ->
                out.events(ConfirmSalesOrder.class).stream().filter(c -> c.orderId().equals(order.orderId())).count() == 1
                        && out.events(SendMessage.class).stream().filter(m -> wamid.equals(m.replyToWamid())).count() == 1);
    }

    @Test
    void quickReplyTemplateButtonActsExactlyLikeTheInteractiveButton() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION, "7");
        String waId = newCustomer();
        String wamid = newWamid();
        kafka.publish(quickReply(waId, wamid, "order:" + order.orderId() + ":confirm:v7", "Valider"));

        ConfirmSalesOrder confirm = out.awaitEvent(ConfirmSalesOrder.class, c -> c.orderId().equals(order.orderId()));
        assertThat(confirm.tap().wamid()).isEqualTo(wamid);
        SendMessage ack = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(ack.content()).isInstanceOf(OutboundContent.Text.class);
    }

    @Test
    void refusesStaleTapOnConfirmedOrderPolitelyWithoutCommand() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION, "1");
        SalesOrder confirmed = order(order.orderId(), order.partnerId(), SalesOrderState.CONFIRMED, "2", "125000");
        kafka.publish(orderStateChanged(confirmed, SalesOrderState.QUOTATION));
        await().atMost(Duration.ofSeconds(20)).until(() -> documents.orders(List.of(order.orderId())).get(order.orderId())
                .state() == SalesOrderState.CONFIRMED);
        String wamid = newWamid();
        kafka.publish(buttonTap(newCustomer(), wamid, "order:" + order.orderId() + ":confirm:v1", "Valider"));

        SendMessage answer = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) answer.content()).body()).contains("déjà confirmée");
        assertNone(ConfirmSalesOrder.class, c -> c.orderId().equals(order.orderId()), Duration.ofSeconds(2));
    }

    @Test
    void refusesStaleTapOnCancelledOrderNamingItsState() {
        SalesOrder order = knownOrder(SalesOrderState.CANCELLED, "4");
        String wamid = newWamid();
        kafka.publish(buttonTap(newCustomer(), wamid, "order:" + order.orderId() + ":cancel:v4", "Annuler"));

        SendMessage answer = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) answer.content()).body()).contains("annulée");
        assertNone(CancelSalesOrder.class, c -> c.orderId().equals(order.orderId()), Duration.ofSeconds(2));
    }

    @Test
    void cancelTapSendsOneCancelSalesOrderAndAcknowledgesItQuotingTheTap() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION_SENT, "4");
        String waId = newCustomer();
        String wamid = newWamid();
        InboundMessageReceived tap = buttonTap(waId, wamid, "order:" + order.orderId() + ":cancel:v4", "Annuler");
        kafka.publish(tap);
        kafka.publish(redelivered(tap));

        CancelSalesOrder cancel = out.awaitEvent(CancelSalesOrder.class, c -> c.orderId().equals(order.orderId()));
        assertThat(cancel.tap().wamid()).isEqualTo(wamid);
        assertThat(cancel.tap().tappedAt()).isEqualTo(tap.sentAt());
        SendMessage ack = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) ack.content()).body()).contains(order.number()).contains("annulée");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() ->
                out.events(CancelSalesOrder.class).stream().filter(c -> c.orderId().equals(order.orderId())).count() == 1
                        && out.events(SendMessage.class).stream().filter(m -> wamid.equals(m.replyToWamid())).count() == 1);
        assertThat(out.events(ConfirmSalesOrder.class)).noneMatch(c -> c.orderId().equals(order.orderId()));
    }

    @Test
    void aClaimHeldByAnotherConsumersTapWinsAndAnExpiredOneIsTakenOver() {
        SalesOrder held = knownOrder(SalesOrderState.QUOTATION_SENT, "6");
        SalesOrder expired = knownOrder(SalesOrderState.QUOTATION_SENT, "6");
        Instant now = Instant.now();
        // written as another consumer's tap would have, between this poll's read and its claim
        database.getCollection("order_claims").insertMany(List.of(
                claim(held.orderId(), "6", newWamid(), now, now.plus(Duration.ofMinutes(10))),
                claim(expired.orderId(), "6", newWamid(), now.minus(Duration.ofMinutes(20)),
                        now.minus(Duration.ofMinutes(10)))));
        String onHeld = newWamid();
        String onExpired = newWamid();
        kafka.publish(buttonTap(newCustomer(), onHeld, "order:" + held.orderId() + ":confirm:v6", "Valider"));
        kafka.publish(buttonTap(newCustomer(), onExpired, "order:" + expired.orderId() + ":confirm:v6", "Valider"));

        ConfirmSalesOrder takenOver = out.awaitEvent(ConfirmSalesOrder.class,
                c -> c.orderId().equals(expired.orderId()));
        assertThat(takenOver.tap().wamid()).isEqualTo(onExpired);
        SendMessage pending = out.awaitEvent(SendMessage.class, m -> onHeld.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) pending.content()).body()).contains("déjà en cours");
        assertNone(ConfirmSalesOrder.class, c -> c.orderId().equals(held.orderId()), Duration.ofSeconds(2));
    }

    private static Document claim(String orderId, String version, String wamid, Instant at, Instant until) {
        return new Document("_id", orderId).append("request", "CONFIRM").append("wamid", wamid)
                .append("version", version).append("at", Date.from(at)).append("until", Date.from(until));
    }

    @Test
    void confirmThenCancelInQuickSuccessionOnlyTheFirstActs() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION_SENT, "5");
        String waId = newCustomer();
        String first = newWamid();
        String second = newWamid();
        kafka.publish(buttonTap(waId, first, "order:" + order.orderId() + ":confirm:v5", "Valider"));
        kafka.publish(buttonTap(waId, second, "order:" + order.orderId() + ":cancel:v5", "Annuler"));

        out.awaitEvent(ConfirmSalesOrder.class, c -> c.orderId().equals(order.orderId()));
        SendMessage pending = out.awaitEvent(SendMessage.class, m -> second.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) pending.content()).body()).contains("déjà en cours");
        assertNone(CancelSalesOrder.class, c -> c.orderId().equals(order.orderId()), Duration.ofSeconds(2));
    }

    @Test
    void tapOnAChangedOrderAnswersWithTheCurrentVersionsButtonsAndNoCommand() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION, "1");
        SalesOrder changed = order(order.orderId(), order.partnerId(), SalesOrderState.QUOTATION, "2", "150000");
        kafka.publish(orderUpdated(changed));
        await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(documents.orders(List.of(order.orderId()))
                .get(order.orderId()).version()));
        String wamid = newWamid();
        kafka.publish(buttonTap(newCustomer(), wamid, "order:" + order.orderId() + ":confirm:v1", "Valider"));

        SendMessage answer = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        OutboundContent.ReplyButtons buttons = (OutboundContent.ReplyButtons) answer.content();
        assertThat(buttons.body()).contains("modifiée").contains("150\u202F000");
        assertThat(buttons.buttons()).extracting(OutboundContent.ReplyButton::id).containsExactly(
                "order:" + order.orderId() + ":confirm:v2", "order:" + order.orderId() + ":cancel:v2",
                "order:" + order.orderId() + ":details:v2");
        assertNone(ConfirmSalesOrder.class, c -> c.orderId().equals(order.orderId()), Duration.ofSeconds(2));
    }

    @Test
    void versionThatChangedNothingTheCustomerSawStillConfirms() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION, "1");
        // the ERP bumped the version for a flag the platform wrote back; amounts and lines are the same
        kafka.publish(orderUpdated(order(order.orderId(), order.partnerId(), SalesOrderState.QUOTATION, "2", "125000")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(documents.orders(List.of(order.orderId()))
                .get(order.orderId()).version()));
        String wamid = newWamid();
        kafka.publish(buttonTap(newCustomer(), wamid, "order:" + order.orderId() + ":confirm:v1", "Valider"));

        assertThat(out.awaitEvent(ConfirmSalesOrder.class, c -> c.orderId().equals(order.orderId())).tap().wamid())
                .isEqualTo(wamid);
    }

    @Test
    void tapOnAnUnknownOrderIsAnsweredClearlyAndNotDeadLettered() {
        String wamid = newWamid();
        kafka.publish(buttonTap(newCustomer(), wamid, "order:sale.order/404404:confirm:v1", "Valider"));

        SendMessage answer = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) answer.content()).body()).contains("ne retrouvons pas cette commande");
        assertNone(ConfirmSalesOrder.class, c -> c.orderId().equals("sale.order/404404"), Duration.ofSeconds(2));
        assertThat(out.records()).noneMatch(r -> r.topic().endsWith("-dlt"));
    }

    @Test
    void detailsTapAsksTheNotifierInTheCustomersLanguage() {
        SalesOrder order = knownOrder(SalesOrderState.QUOTATION, "2");
        String waId = newCustomer();
        kafka.publish(partner(order.partnerId(), "Jane Smith", "en_GB", "+" + waId));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        String wamid = newWamid();
        kafka.publish(buttonTap(waId, wamid, "order:" + order.orderId() + ":details:v2", "Details"));

        SendDocumentDetails request = out.awaitEvent(SendDocumentDetails.class,
                d -> d.documentId().equals(order.orderId()));
        assertThat(request.kind()).isEqualTo(NotificationKind.ORDER_DETAILS);
        assertThat(request.requestedByWamid()).isEqualTo(wamid);
        assertThat(request.customerWaId()).isEqualTo(waId);
        assertThat(request.language()).isEqualTo("en");
    }
}
