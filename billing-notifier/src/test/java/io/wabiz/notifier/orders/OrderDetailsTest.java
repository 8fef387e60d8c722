package io.wabiz.notifier.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.outbound.WhatsAppLimits;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderDetailsTest extends ServiceTest {

    private static SendDocumentDetails ask(String orderId, String customer, String wamid) {
        return new SendDocumentDetails(UUID.randomUUID().toString(), Instant.now(), ErpDocumentType.SALES_ORDER,
                orderId, NotificationKind.ORDER_DETAILS, BUSINESS_NUMBER, customer, wamid);
    }

    @Test
    void theCustomerWhoTappedDetailsGetsTheLinesTotalsAndPdfInReplyOnce() {
        String partnerId = newId();
        String mobile = newMobile();
        kafka.publish(partner(partnerId, mobile, "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        SalesOrder base = order(orderId, partnerId, SalesOrderState.QUOTATION_SENT, "XOF", "125000", "1", "2");
        SalesOrder order = new SalesOrder(orderId, base.number(), partnerId, "Diop SARL", base.orderDate(),
                java.time.LocalDate.of(2026, 3, 31), null, base.state(), "XOF", new BigDecimal("105932"),
                new BigDecimal("19068"), new BigDecimal("125000"), List.of(
                new DocumentLine("p1", "Ciment CPA 42,5", null, new BigDecimal("10"), "sac", new BigDecimal("5000"),
                        null, new BigDecimal("50000")),
                new DocumentLine("p2", "Fer à béton 10 mm", null, new BigDecimal("2.5"), "t", new BigDecimal("24000"),
                        new BigDecimal("10"), new BigDecimal("55932"))),
                "Moussa Ndiaye", "https://erp.example.sn/report/pdf/S" + orderId, "1", "2");
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order));
            commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId));
            SendDocumentDetails request = ask(orderId, waIdOf(mobile), "wamid.DETAILS" + orderId);
            kafka.publish(request);
            kafka.publish(request); // the scenario engine's retry: the same request

            SendMessage details = commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(orderId) && c.correlation().notificationKind() == NotificationKind.ORDER_DETAILS);
            assertThat(details.idempotencyKey())
                    .isEqualTo("order_details:sales_order:" + orderId + ":wamid.DETAILS" + orderId);
            assertThat(details.replyToWamid()).isEqualTo("wamid.DETAILS" + orderId);
            OutboundContent.ReplyButtons content = (OutboundContent.ReplyButtons) details.content();
            assertThat(content.body().replace('\u202F', ' ').replace('\u00A0', ' ')).contains(
                    "*Commande S" + orderId + "* — devis envoyé", "Client : Diop SARL",
                    "1. Ciment CPA 42,5 — 10 sac × 5 000 F CFA = 50 000 F CFA",
                    "2. Fer à béton 10 mm — 2,5 t × 24 000 F CFA (remise 10 %) = 55 932 F CFA",
                    "Taxes : 19 068 F CFA", "*Total : 125 000 F CFA*", "https://erp.example.sn/report/pdf/S" + orderId,
                    "Valable jusqu'au : 31 mars 2026");
            assertThat(content.buttons()).extracting(OutboundContent.ReplyButton::id)
                    .containsExactly("order:" + orderId + ":confirm:v2", "order:" + orderId + ":cancel:v2");
            assertThat(details.fallbackTemplate().name()).isEqualTo("sales_order_details");
            assertStaysAt(commands, c -> c.correlation().documentId().equals(orderId)
                    && c.correlation().notificationKind() == NotificationKind.ORDER_DETAILS, 1, Duration.ofSeconds(1));
        }
    }

    @Test
    void aLongOrderIsSummedUpWithinWhatsAppsLimitWithoutCuttingALine() {
        String partnerId = newId();
        String mobile = newMobile();
        kafka.publish(partner(partnerId, mobile, "en", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            lines.add(new DocumentLine("p" + i, "Article de quincaillerie numéro " + i + " avec une longue"
                    + " désignation commerciale", null, BigDecimal.ONE, "u", new BigDecimal("1000"), null,
                    new BigDecimal("1000")));
        }
        SalesOrder order = new SalesOrder(orderId, "S" + orderId, partnerId, "Diop SARL", Instant.now(), null, null,
                SalesOrderState.CONFIRMED, "XOF", new BigDecimal("150000"), BigDecimal.ZERO,
                new BigDecimal("150000"), lines, null, null, "1", "9");
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(created(order)); // already confirmed: no validation message, but the order is known
            await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/orders/" + orderId, AGENT).status() == 200);
            kafka.publish(ask(orderId, waIdOf(mobile), null));
            SendMessage details = commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId()
                    .equals(orderId) && c.correlation().notificationKind() == NotificationKind.ORDER_DETAILS);
            String body = ((OutboundContent.Text) details.content()).body().replace('\u00A0', ' ')
                    .replace('\u202F', ' ');
            assertThat(body.codePointCount(0, body.length())).isLessThanOrEqualTo(WhatsAppLimits.TEXT_BODY);
            assertThat(body).contains("1. Article de quincaillerie numéro 1 avec une longue désignation commerciale")
                    .containsPattern("… and 1[0-9]{2} more lines").contains("*Total: F CFA 150,000*");
            List<String> shown = body.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
            assertThat(shown).hasSizeLessThanOrEqualTo(40).allSatisfy(l -> assertThat(l).endsWith("= F CFA 1,000"));
        }
    }

    @Test
    void detailsOfAnOrderTheNotifierDoesNotKnowAreSkippedWithTheReason() {
        String orderId = newId();
        kafka.publish(ask(orderId, "221770000001", "wamid.UNKNOWN" + orderId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Answer answer = get("/api/notifications?documentId=" + orderId, AGENT);
            assertThat(answer.body().get("items")).hasSize(1);
            assertThat(answer.body().get("items").get(0).get("skipped").get("reason").asString())
                    .isEqualTo("document_unknown");
        });
    }
}
