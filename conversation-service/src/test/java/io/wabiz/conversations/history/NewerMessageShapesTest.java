package io.wabiz.conversations.history;

import static io.wabiz.conversations.Records.echo;
import static io.wabiz.conversations.Records.inbound;
import static io.wabiz.conversations.Records.inboundText;
import static io.wabiz.conversations.Records.partner;
import static io.wabiz.conversations.Records.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.testsupport.TestHttp.Answer;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Customers without a number, carts, Flows, system notes, edits and deletions, and the business app's own messages. */
class NewerMessageShapesTest extends ServiceTest {

    @Test
    void aCustomerKnownOnlyByTheirBusinessScopedUserIdHasAConversationAHistoryAndGetsReplies() {
        String userId = "SN." + (100000000L + (long) (Math.random() * 899999999L));
        String conversation = ConversationKey.of(BUSINESS_NUMBER, userId);
        String question = newWamid();
        kafka.publish(inboundText(userId, question, "Vous livrez à Thiès ?", Instant.now()));
        await().until(() -> get("/api/conversations/" + conversation, AGENT).status() == 200);
        JsonNode summary = get("/api/conversations/" + conversation, AGENT).body();
        assertThat(summary.get("customerWaId").asString()).isEqualTo(userId);
        assertThat(summary.get("customerPhone")).isNull();
        assertThat(get("/api/contacts/" + userId, AGENT).status()).isEqualTo(200);

        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            Answer reply = post("/api/messages/" + question + "/reply", AGENT,
                    Map.of("content", Map.of("kind", "text", "body", "Oui, mardi et jeudi.")));
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(202);
            SendMessage command = commands.awaitEvent(SendMessage.class,
                    c -> c.id().equals(reply.body().get("commandId").asString()));
            assertThat(command.recipientWaId()).isEqualTo(userId);
            assertThat(command.conversationKey()).isEqualTo(conversation);
        }
        assertThat(get("/api/conversations/" + conversation + "/messages", AGENT).body().get("items")
                .findValuesAsString("direction")).containsExactly("INBOUND", "OUTBOUND");
    }

    @Test
    void editsAndDeletionsChangeTheMessageTheyNameWhateverTheirOrder() {
        String customer = newCustomer();
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String original = newWamid();
        String early = newWamid();
        // an edit that comes before its message waits for it
        kafka.publish(inbound(customer, newWamid(), new InboundContent.Edit(early, new InboundContent.Text("45 sacs")),
                t0.plusSeconds(5)));
        kafka.publish(inboundText(customer, early, "40 sacs", t0.plusSeconds(1)));
        kafka.publish(inboundText(customer, original, "Bonjour", t0));
        kafka.publish(inbound(customer, newWamid(), new InboundContent.Edit(original, new InboundContent.Text("Bonsoir")),
                t0.plusSeconds(10)));
        kafka.publish(inbound(customer, newWamid(), new InboundContent.Edit(original, new InboundContent.Text("Bonjour !")),
                t0.plusSeconds(8)));
        kafka.publish(inbound(customer, newWamid(), new InboundContent.Revoke(original), t0.plusSeconds(20)));

        await().untilAsserted(() -> assertThat(get("/api/messages/" + original, AGENT).body().path("revokedAt")
                .asString(null)).isEqualTo(t0.plusSeconds(20).toString()));
        JsonNode edited = get("/api/messages/" + original, AGENT).body();
        assertThat(edited.get("text").asString()).isEqualTo("Bonjour");
        assertThat(edited.get("edited").get("text").asString()).as("the latest edit").isEqualTo("Bonsoir");
        await().untilAsserted(() -> assertThat(get("/api/messages/" + early, AGENT).body().path("edited").path("text")
                .asString(null)).isEqualTo("45 sacs"));
        assertThat(get("/api/messages/" + early, AGENT).body().get("text").asString()).isEqualTo("40 sacs");
        assertThat(get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer) + "/messages", AGENT)
                .body().get("items").findValuesAsString("id")).containsExactly(original, early);
    }

    @Test
    void aCartAFlowsAnswerAndASystemNoteAreInTheHistory() {
        String customer = newCustomer();
        String cart = newWamid();
        String flow = newWamid();
        kafka.publish(inbound(customer, cart, new InboundContent.Order("354160437058781", null, List.of(
                new InboundContent.OrderItem("CIMENT-50KG", 40, new BigDecimal("4750"), "XOF"),
                new InboundContent.OrderItem("FER-12MM", 12, new BigDecimal("3250.5"), "XOF"))), Instant.now()));
        kafka.publish(inbound(customer, flow, new InboundContent.FlowReply("flow", "Sent",
                "{\"flow_token\":\"t-1\",\"rating\":\"4\"}"), Instant.now()));
        await().until(() -> get("/api/messages/" + flow, AGENT).status() == 200);
        JsonNode order = get("/api/messages/" + cart, AGENT).body();
        assertThat(order.get("type").asString()).isEqualTo("order");
        assertThat(order.get("text").asString()).isEqualTo("2 items: CIMENT-50KG x40, FER-12MM x12");
        assertThat(order.get("content").get("items").get(1).get("itemPrice").asString()).isEqualTo("3250.5");
        JsonNode answer = get("/api/messages/" + flow, AGENT).body();
        assertThat(answer.get("type").asString()).isEqualTo("flow_reply");
        assertThat(answer.get("content").get("responseJson").asString()).contains("\"rating\":\"4\"");
    }

    @Test
    void aCustomerWhoChangedNumberKeepsOneHistoryAndTheDirectorySendsToTheNewNumber() {
        String oldNumber = newCustomer();
        String newNumber = newCustomer();
        String partnerId = "res.partner/moved-" + UUID.randomUUID();
        kafka.publish(partner(partnerId, "Awa Diop", Instant.now(), "+" + oldNumber));
        String before = newWamid();
        kafka.publish(inboundText(oldNumber, before, "Ma commande ?", Instant.now().minusSeconds(30)));
        kafka.publish(inbound(oldNumber, newWamid(), new InboundContent.SystemEvent("user_changed_number",
                "Awa changed from " + oldNumber + " to " + newNumber, newNumber), Instant.now().minusSeconds(20)));
        String after = newWamid();
        kafka.publish(inboundText(newNumber, after, "C'est mon nouveau numéro", Instant.now().minusSeconds(10)));

        String newConversation = ConversationKey.of(BUSINESS_NUMBER, newNumber);
        await().untilAsserted(() -> assertThat(get("/api/conversations/" + newConversation + "/messages", AGENT)
                .body().path("items").findValuesAsString("id")).contains(before, after).hasSize(3));
        assertThat(get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, oldNumber), AGENT).body()
                .get("id").asString()).isEqualTo(ConversationKey.of(BUSINESS_NUMBER, oldNumber));

        // the ERP still knows the old number: the new one stays first
        kafka.publish(partner(partnerId, "Awa Diop", Instant.now(), "+" + oldNumber));
        await().until(() -> get("/api/conversations?partnerId=" + partnerId, AGENT).body().get("totalElements").asInt() == 2);
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            Answer sent = post("/api/messages", AGENT, Map.of("partnerId", partnerId,
                    "content", Map.of("kind", "text", "body", "Bien noté")));
            assertThat(sent.status()).as("%s", sent.body()).isEqualTo(202);
            assertThat(commands.awaitEvent(SendMessage.class, c -> c.id().equals(sent.body().get("commandId")
                    .asString())).recipientWaId()).isEqualTo(newNumber);
        }
    }

    @Test
    void messagesSentFromTheBusinessAppAreOutboundInTheHistoryAndTheirEditsApply() {
        String customer = newCustomer();
        String wamid = newWamid();
        kafka.publish(inboundText(customer, newWamid(), "Bonjour", Instant.now().minusSeconds(60)));
        kafka.publish(echo(customer, wamid, new InboundContent.Text("Bonjour, je regarde"), Instant.now().minusSeconds(30)));
        kafka.publish(echo(customer, wamid, new InboundContent.Text("Bonjour, je regarde"), Instant.now().minusSeconds(30)));
        kafka.publish(echo(customer, newWamid(), new InboundContent.Edit(wamid, new InboundContent.Text("Bonjour, c'est parti")),
                Instant.now().minusSeconds(20)));
        kafka.publish(status(customer, wamid, DeliveryStatus.READ, Instant.now().minusSeconds(10)));

        await().untilAsserted(() -> assertThat(get("/api/messages/" + wamid, AGENT).body().path("status").asString(null))
                .isEqualTo("READ"));
        await().untilAsserted(() -> assertThat(get("/api/messages/" + wamid, AGENT).body().path("edited").path("text")
                .asString(null)).isEqualTo("Bonjour, c'est parti"));
        JsonNode echoed = get("/api/messages/" + wamid, AGENT).body();
        assertThat(echoed.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(echoed.get("sentFrom").asString()).isEqualTo("BUSINESS_APP");
        assertThat(echoed.get("text").asString()).isEqualTo("Bonjour, je regarde");
        assertThat(get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer) + "/messages", AGENT)
                .body().get("totalElements").asInt()).isEqualTo(2);
    }
}
