package io.wabiz.conversations.history;

import static io.wabiz.conversations.Records.echo;
import static io.wabiz.conversations.Records.handOff;
import static io.wabiz.conversations.Records.inboundText;
import static io.wabiz.conversations.Records.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.Topics;
import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.testsupport.TestHttp.Answer;
import io.wabiz.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The scenario engine's hand-offs (whatsapp.handoffs): a conversation waits for staff until staff write. */
class HandOffTest extends ServiceTest {

    private static final Map<String, Object> ANSWER = Map.of("kind", "text", "body", "Bonjour, je suis Fatou.");

    @Test
    void aHandOffMarksTheConversationWaitingForStaffUntilAStaffMemberReplies() {
        String customer = newCustomer();
        String conversation = ConversationKey.of(BUSINESS_NUMBER, customer);
        String asked = newWamid();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(inboundText(customer, asked, "Parler à un conseiller", now.minusSeconds(2)));
        HandOffRequested request = handOff(customer, asked, now.minusSeconds(1), "res.partner/88");
        kafka.publish(request);

        await().until(() -> waiting(conversation) && get("/api/messages/" + asked, AGENT).status() == 200);
        JsonNode waiting = conversation(conversation);
        assertThat(waiting.get("handOff").get("reason").asString()).isEqualTo("Parler à un conseiller");
        assertThat(waiting.get("handOff").get("requestedByWamid").asString()).isEqualTo(asked);
        assertThat(Instant.parse(waiting.get("handOff").get("expectedAnswerBy").asString()))
                .isEqualTo(request.expectedAnswerBy());
        assertThat(waiting.get("handOff").get("partnerIds").get(0).asString()).isEqualTo("res.partner/88");
        assertThat(idsOf("/api/conversations?waitingForStaff=true&phone=" + customer)).containsExactly(conversation);
        assertThat(idsOf("/api/conversations?waitingForStaff=false&phone=" + customer)).isEmpty();

        Answer reply = post("/api/messages/" + asked + "/reply", AGENT, Map.of("content", ANSWER));
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(202);
        // the reply is on record before the 202: no longer waiting, at once
        JsonNode answered = conversation(conversation);
        assertThat(answered.get("waitingForStaff").asBoolean()).isFalse();
        assertThat(present(conversation, "staffAnsweredAt")).isTrue();
        assertThat(idsOf("/api/conversations?waitingForStaff=true&phone=" + customer)).isEmpty();
        assertThat(idsOf("/api/conversations?waitingForStaff=false&phone=" + customer)).containsExactly(conversation);

        // the same hand-off delivered again (a rebalance, a replay) does not make the customer wait again
        double duplicates = duplicateHandOffs();
        kafka.publish(request);
        await().until(() -> duplicateHandOffs() > duplicates);
        assertThat(waiting(conversation)).isFalse();
    }

    @Test
    void aBulkSendDoesNotAnswerAHandOffAndAMessageFromTheBusinessAppDoes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = newCustomer();
        String conversation = ConversationKey.of(BUSINESS_NUMBER, customer);
        String asked = newWamid();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(partner("p-handoff-" + run, "Awa Diop", now, "+" + customer));
        kafka.publish(inboundText(customer, asked, "Conseiller", now.minusSeconds(2)));
        kafka.publish(handOff(customer, asked, now.minusSeconds(1)));
        await().until(() -> waiting(conversation) && get("/api/messages/" + asked, AGENT).status() == 200
                && get("/api/conversations?partnerId=p-handoff-" + run, AGENT).body().get("totalElements").asInt() == 1);

        Answer bulk = post("/api/bulk-sends", ADMIN, Map.of("partnerIds", List.of("p-handoff-" + run),
                "content", Map.of("kind", "text", "body", "Nos horaires changent en décembre")));
        assertThat(bulk.status()).as("%s", bulk.body()).isEqualTo(202);
        assertThat(bulk.body().get("sent").findValuesAsString("partnerId")).containsExactly("p-handoff-" + run);
        // the bulk message is the conversation's last, and the customer still waits for a person
        JsonNode afterBulk = conversation(conversation);
        assertThat(afterBulk.get("lastMessage").get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(afterBulk.get("waitingForStaff").asBoolean()).isTrue();

        // a colleague answers from the WhatsApp Business app on the same number
        kafka.publish(echo(customer, newWamid(), new InboundContent.Text("Je m'en occupe"), Instant.now()));
        await().until(() -> !waiting(conversation));
        assertThat(idsOf("/api/conversations?waitingForStaff=true&phone=" + customer)).isEmpty();
    }

    @Test
    void aHandOffIsAnsweredByStaffMessagesAfterItOnlyWhateverOrderTheyArriveIn() {
        String earlier = newCustomer();
        String later = newCustomer();
        Instant answeredAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        // staff wrote to both at answeredAt; the hand-offs arrive after that message, one asked before it
        kafka.publish(echo(earlier, newWamid(), new InboundContent.Text("Bonjour"), answeredAt));
        kafka.publish(echo(later, newWamid(), new InboundContent.Text("Bonjour"), answeredAt));
        await().until(() -> present(ConversationKey.of(BUSINESS_NUMBER, earlier), "staffAnsweredAt")
                && present(ConversationKey.of(BUSINESS_NUMBER, later), "staffAnsweredAt"));
        kafka.publish(handOff(earlier, newWamid(), answeredAt.minusSeconds(30)));
        kafka.publish(handOff(later, newWamid(), answeredAt.plusSeconds(30)));

        await().until(() -> present(ConversationKey.of(BUSINESS_NUMBER, earlier), "handOff")
                && present(ConversationKey.of(BUSINESS_NUMBER, later), "handOff"));
        assertThat(waiting(ConversationKey.of(BUSINESS_NUMBER, earlier)))
                .isFalse();
        assertThat(waiting(ConversationKey.of(BUSINESS_NUMBER, later)))
                .isTrue();
    }

    @Test
    void aHandOffThatComesBeforeAnyMessageOpensTheConversationWaitingForStaff() {
        String customer = newCustomer();
        kafka.publish(handOff(customer, newWamid(), Instant.now()));
        await().until(() -> waiting(ConversationKey.of(BUSINESS_NUMBER, customer)));
        assertThat(conversation(ConversationKey.of(BUSINESS_NUMBER, customer)).get("customerWaId").asString())
                .isEqualTo(customer);
    }

    @Test
    void aHandOffWithoutItsCustomerGoesToTheDeadLetterTopicAndChangesNothing() {
        String customer = newCustomer();
        String key = ConversationKey.of(BUSINESS_NUMBER, customer);
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.HANDOFFS))) {
            kafka.publishRaw(Topics.HANDOFFS, key, ("{\"id\":\"h-1\",\"occurredAt\":\"2026-11-24T09:16:05Z\","
                    + "\"businessPhoneNumberId\":\"" + BUSINESS_NUMBER + "\",\"reason\":\"no customer\"}")
                    .getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader(CloudEventHeaders.TYPE,
                    "io.wabiz.HandOffRequested".getBytes(StandardCharsets.UTF_8))));
            deadLetters.awaitRecord(r -> key.equals(r.key()));
        }
        assertThat(get("/api/conversations/" + key, AGENT).status()).isEqualTo(404);
    }

    private double duplicateHandOffs() {
        return count("conversations.duplicates.ignored", "record", "HandOffRequested");
    }

    /** The conversation as the API shows it; an empty object while it does not exist yet. */
    private JsonNode conversation(String id) {
        Answer answer = get("/api/conversations/" + id, AGENT);
        return answer.status() == 200 ? answer.body() : JsonNodeFactory.instance.objectNode();
    }

    private boolean waiting(String id) {
        return conversation(id).path("waitingForStaff").booleanValue();
    }

    private boolean present(String id, String field) {
        JsonNode value = conversation(id).path(field);
        return !value.isMissingNode() && !value.isNull();
    }

    private List<String> idsOf(String path) {
        Answer page = get(path, AGENT);
        assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
        return page.body().get("items").findValuesAsString("id");
    }
}
