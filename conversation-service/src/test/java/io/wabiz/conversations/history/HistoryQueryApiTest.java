package io.wabiz.conversations.history;

import static io.wabiz.conversations.Records.accepted;
import static io.wabiz.conversations.Records.inbound;
import static io.wabiz.conversations.Records.inboundText;
import static io.wabiz.conversations.Records.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.testsupport.TestHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * 300 messages of three customers, in a period of their own: 120 texts from A; 100 answers to B (40 read,
 * 30 delivered, 30 sent); 60 images from C and 20 templates to C that failed. One message per minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryQueryApiTest extends ServiceTest {

    private final String customerA = newCustomer();
    private final String customerB = newCustomer();
    private final String customerC = newCustomer();
    private final Instant start = Instant.parse("2031-01-01T00:00:00Z")
            .plus(ThreadLocalRandom.current().nextInt(100_000), ChronoUnit.DAYS);
    private final Instant end = start.plus(Duration.ofDays(1));

    @BeforeAll
    void publishAFewHundredMessages() {
        for (int i = 0; i < 120; i++) {
            kafka.publish(inboundText(customerA, newWamid(), "message " + i, minute(i)));
        }
        for (int i = 0; i < 100; i++) {
            String wamid = newWamid();
            kafka.publish(accepted(customerB, wamid, "answer " + i, minute(i)));
            DeliveryStatus reached = i < 40 ? DeliveryStatus.READ : i < 70 ? DeliveryStatus.DELIVERED : DeliveryStatus.SENT;
            kafka.publish(status(customerB, wamid, reached, minute(i).plusSeconds(5)));
        }
        for (int i = 0; i < 60; i++) {
            kafka.publish(inbound(customerC, newWamid(), new InboundContent.Media(InboundContent.MediaKind.IMAGE,
                    "media-" + i, "image/jpeg", "sha", "photo " + i, null, null, null), minute(200 + i)));
        }
        for (int i = 0; i < 20; i++) {
            String wamid = newWamid();
            kafka.publish(accepted(customerC, wamid, "auto:" + UUID.randomUUID(), UUID.randomUUID().toString(),
                    new OutboundContent.Template("invoice_overdue", "fr", List.of()),
                    new Correlation(null, null, null, Correlation.Origin.AUTOMATION, "reminder-scheduler"), null,
                    minute(300 + i)));
            kafka.publish(status(customerC, wamid, DeliveryStatus.FAILED, minute(300 + i).plusSeconds(1)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(total("/api/messages?" + period())).isEqualTo(300);
            assertThat(total("/api/messages?status=FAILED&" + period())).isEqualTo(20);
            assertThat(total("/api/messages?status=SENT&" + period())).isEqualTo(30);
        });
    }

    @Test
    void aConversationsMessagesComeInTimeOrderPageByPage() {
        String path = "/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customerA) + "/messages";
        JsonNode first = get(path + "?size=50", AGENT).body();
        assertThat(first.get("totalElements").asInt()).isEqualTo(120);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(texts(first)).hasSize(50).startsWith("message 0", "message 1").endsWith("message 49");
        JsonNode last = get(path + "?size=50&page=2", AGENT).body();
        assertThat(texts(last)).hasSize(20).startsWith("message 100").endsWith("message 119");
        JsonNode newest = get(path + "?size=5&order=desc", AGENT).body();
        assertThat(texts(newest)).containsExactly("message 119", "message 118", "message 117", "message 116",
                "message 115");
        assertThat(get(path + "?size=50&page=9", AGENT).body().get("items")).isEmpty();
    }

    @Test
    void messagesAcrossConversationsFilterByDirectionTypeStatusContactAndPeriod() {
        assertThat(total("/api/messages?direction=INBOUND&" + period())).isEqualTo(180);
        assertThat(total("/api/messages?direction=OUTBOUND&" + period())).isEqualTo(120);
        assertThat(total("/api/messages?type=image&" + period())).isEqualTo(60);
        assertThat(total("/api/messages?type=template&" + period())).isEqualTo(20);
        assertThat(total("/api/messages?status=READ&" + period())).isEqualTo(40);
        assertThat(total("/api/messages?status=DELIVERED&" + period())).isEqualTo(30);
        assertThat(total("/api/messages?contact=%2B" + customerB + "&" + period())).isEqualTo(100);
        assertThat(total("/api/messages?contact=00" + customerB + "&status=READ&" + period())).isEqualTo(40);
        assertThat(total("/api/messages?contact=" + customerC + "&direction=INBOUND&type=image&" + period()))
                .isEqualTo(60);
        // minutes 10 to 19: ten messages of A and ten of B
        assertThat(total("/api/messages?from=" + minute(10) + "&to=" + minute(20))).isEqualTo(20);

        JsonNode failed = get("/api/messages?status=FAILED&size=7&" + period(), AGENT).body();
        assertThat(failed.get("items")).hasSize(7);
        assertThat(failed.get("totalPages").asInt()).isEqualTo(3);
        assertThat(failed.get("items").get(0).get("text").asString()).isEqualTo("invoice_overdue (fr)");
        assertThat(failed.get("items").get(0).get("at").asString()).isEqualTo(minute(319).toString());
    }

    @Test
    void conversationsAreListedByLastActivityWithUnreadCounts() {
        JsonNode listed = get("/api/conversations?activeSince=" + start + "&activeUntil=" + end, AGENT).body();
        assertThat(listed.get("items").findValuesAsString("customerWaId"))
                .containsExactly(customerC, customerA, customerB);
        List<Integer> unread = new ArrayList<>();
        listed.get("items").forEach(c -> unread.add(c.get("unreadCount").asInt()));
        assertThat(unread).containsExactly(60, 120, 0);
        assertThat(get("/api/conversations?unread=false&activeSince=" + start + "&activeUntil=" + end, AGENT).body()
                .get("items").findValuesAsString("customerWaId")).containsExactly(customerB);
        assertThat(get("/api/conversations?size=1&page=1&activeSince=" + start + "&activeUntil=" + end, AGENT).body()
                .get("items").findValuesAsString("customerWaId")).containsExactly(customerA);
    }

    @Test
    void theSearchTextFindsTheConversationsAnOrderOrInvoiceNumberWasWrittenAbout() {
        String invoiceCustomer = newCustomer();
        String orderCustomer = newCustomer();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String invoiceNumber = "INV/2031/" + suffix;
        String orderNumber = "S" + suffix;
        Instant after = end.plus(Duration.ofDays(1)); // outside the period the other tests count
        kafka.publish(accepted(invoiceCustomer, newWamid(), "invoice_posted:" + suffix, UUID.randomUUID().toString(),
                new OutboundContent.Template("invoice_ready", "fr", List.of()),
                new Correlation(ErpDocumentType.INVOICE, "account.move/" + suffix, NotificationKind.INVOICE,
                        Correlation.Origin.AUTOMATION, "billing-notifier", invoiceNumber), null, after));
        kafka.publish(accepted(orderCustomer, newWamid(), "order_created:" + suffix, UUID.randomUUID().toString(),
                new OutboundContent.Text("Votre commande " + orderNumber, false),
                new Correlation(ErpDocumentType.SALES_ORDER, "sale.order/" + suffix, NotificationKind.ORDER_CREATED,
                        Correlation.Origin.AUTOMATION, "billing-notifier", orderNumber), null, after.plusSeconds(1)));
        kafka.publish(inboundText(orderCustomer, newWamid(), "Bien reçu", after.plusSeconds(2)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(customersFound("q=" + encoded(invoiceNumber))).containsExactly(invoiceCustomer));
        // as typed in lower case, and with the other filters
        assertThat(customersFound("q=" + encoded(invoiceNumber.toLowerCase(java.util.Locale.ROOT))))
                .containsExactly(invoiceCustomer);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(customersFound("q=" + orderNumber + "&unread=true")).containsExactly(orderCustomer));
        assertThat(customersFound("q=" + orderNumber + "&phone=%2B" + invoiceCustomer)).isEmpty();
        // a number is the whole number, not a part of one
        assertThat(customersFound("q=" + encoded("INV/2031/"))).isEmpty();
        // the message says which document it was about, by the number people know
        JsonNode messages = get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, invoiceCustomer)
                + "/messages", AGENT).body();
        assertThat(messages.get("items").get(0).path("sentBy").path("documentNumber").asString()).isEqualTo(invoiceNumber);
    }

    private List<String> customersFound(String query) {
        Answer answer = get("/api/conversations?" + query, AGENT);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body().get("items").findValuesAsString("customerWaId");
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Instant minute(int i) {
        return start.plus(Duration.ofMinutes(i));
    }

    private String period() {
        return "from=" + start + "&to=" + end;
    }

    private int total(String path) {
        Answer answer = get(path, AGENT);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body().get("totalElements").asInt();
    }

    private static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.get("items").forEach(m -> texts.add(m.get("text").asString()));
        return texts;
    }
}
