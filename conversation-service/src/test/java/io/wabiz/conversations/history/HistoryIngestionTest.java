package io.wabiz.conversations.history;

import static io.wabiz.conversations.Records.accepted;
import static io.wabiz.conversations.Records.inboundText;
import static io.wabiz.conversations.Records.partner;
import static io.wabiz.conversations.Records.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HistoryIngestionTest extends ServiceTest {

    @Test
    void recordsPublishedOutOfOrderAndTwiceGiveOneMessagePerWamidWithTheFinalStatusAndItsTimeline() {
        String customer = newCustomer();
        String conversation = ConversationKey.of(BUSINESS_NUMBER, customer);
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String question = newWamid();
        String answer = newWamid();
        String failedOne = newWamid();
        List<TopicRecord> records = new ArrayList<>(List.of(
                inboundText(customer, question, "Bonjour, ma facture ?", t0),
                accepted(customer, answer, "Voici votre facture", t0.plusSeconds(60)),
                status(customer, answer, DeliveryStatus.SENT, t0.plusSeconds(61)),
                status(customer, answer, DeliveryStatus.DELIVERED, t0.plusSeconds(62)),
                status(customer, answer, DeliveryStatus.READ, t0.plusSeconds(90)),
                accepted(customer, failedOne, "Relance", t0.plusSeconds(120)),
                status(customer, failedOne, DeliveryStatus.SENT, t0.plusSeconds(121)),
                status(customer, failedOne, DeliveryStatus.FAILED, t0.plusSeconds(125),
                        new MetaError(131026, "Message undeliverable", null, "Receiver is incapable", null)),
                status(customer, failedOne, DeliveryStatus.DELIVERED, t0.plusSeconds(126))));
        double duplicatesBefore = count("conversations.duplicates.ignored");
        double outOfOrderBefore = count("conversations.statuses.out.of.order");

        List<TopicRecord> shuffled = new ArrayList<>(records);
        Collections.reverse(shuffled); // statuses first, the messages last
        shuffled.forEach(kafka::publish);
        Collections.shuffle(shuffled);
        shuffled.forEach(kafka::publish);
        // a last record on each topic and key: once they show, everything before them was consumed
        String sentinel = newWamid();
        kafka.publish(status(customer, sentinel, DeliveryStatus.SENT, t0.plusSeconds(300)));
        kafka.publish(accepted(customer, sentinel, "fin", t0.plusSeconds(299)));
        kafka.publish(inboundText(customer, newWamid(), "Merci", t0.plusSeconds(301)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = get("/api/conversations/" + conversation + "/messages", AGENT);
            assertThat(response.status()).isEqualTo(200);
            JsonNode page = response.body();
            assertThat(page.get("totalElements").asInt()).isEqualTo(5);
            assertThat(message(page, sentinel).get("status").asString()).isEqualTo("SENT");
        });

        JsonNode page = get("/api/conversations/" + conversation + "/messages", AGENT).body();
        List<String> ids = StreamSupport.stream(page.get("items").spliterator(), false)
                .map(m -> m.get("id").asString()).toList();
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().startsWith(question, answer, failedOne, sentinel);

        JsonNode inbound = message(page, question);
        assertThat(inbound.get("direction").asString()).isEqualTo("INBOUND");
        assertThat(inbound.get("text").asString()).isEqualTo("Bonjour, ma facture ?");

        JsonNode read = get("/api/messages/" + answer, AGENT).body();
        assertThat(read.get("status").asString()).isEqualTo("READ");
        assertThat(read.get("timeline").findValuesAsString("status"))
                .containsExactly("PENDING", "SENT", "DELIVERED", "READ");
        assertThat(read.get("timeline").get(3).get("at").asString()).isEqualTo(t0.plusSeconds(90).toString());
        assertThat(read.get("pricingCategory").asString()).isEqualTo("utility");
        assertThat(read.get("sentBy").get("origin").asString()).isEqualTo("AUTOMATION");

        JsonNode failed = get("/api/messages/" + failedOne, AGENT).body();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("timeline").findValuesAsString("status"))
                .containsExactly("PENDING", "SENT", "DELIVERED", "FAILED");
        assertThat(failed.get("error").get("code").asInt()).isEqualTo(131026);
        assertThat(failed.get("error").get("help").asString()).contains("could not be delivered");

        JsonNode summary = get("/api/conversations/" + conversation, AGENT).body();
        assertThat(summary.get("unreadCount").asInt()).isEqualTo(2);
        assertThat(summary.get("lastMessage").get("text").asString()).isEqualTo("Merci");
        assertThat(summary.get("lastInboundAt").asString()).isEqualTo(t0.plusSeconds(301).toString());
        assertThat(summary.get("windowOpenUntil").asString()).isEqualTo(t0.plusSeconds(301).plus(Duration.ofHours(24)).toString());
        assertThat(summary.get("windowOpen").asBoolean()).isTrue();

        assertThat(count("conversations.duplicates.ignored") - duplicatesBefore).isGreaterThanOrEqualTo(records.size());
        assertThat(count("conversations.statuses.out.of.order") - outOfOrderBefore).isPositive();
    }

    @Test
    void partnerPhoneNumbersInAnyFormLinkThePartnerToTheCustomersConversation() {
        String customer = newCustomer(); // 22177xxxxxxx
        String typed = "+221 " + customer.substring(3, 5) + " " + customer.substring(5, 8) + " "
                + customer.substring(8, 10) + " " + customer.substring(10);
        String partnerId = "res.partner/" + customer;
        kafka.publish(partner(partnerId, "Awa Diop", Instant.now(), "not a number", "00" + customer, typed));
        kafka.publish(inboundText(customer, newWamid(), "Bonjour", Instant.now()));

        await().untilAsserted(() -> {
            JsonNode byPartner = get("/api/conversations?partnerId=" + partnerId, AGENT).body();
            assertThat(byPartner.get("totalElements").asInt()).isEqualTo(1);
            assertThat(byPartner.get("items").get(0).get("partner").get("name").asString()).isEqualTo("Awa Diop (Diop SARL)");
        });
        JsonNode byPhone = get("/api/conversations?phone=" + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8),
                AGENT).body();
        assertThat(byPhone.get("items").get(0).get("customerWaId").asString()).isEqualTo(customer);
        JsonNode byName = get("/api/conversations?q=awa%20diop&unread=true", AGENT).body();
        assertThat(byName.get("items").findValuesAsString("customerWaId")).contains(customer);

        String conversation = ConversationKey.of(BUSINESS_NUMBER, customer);
        assertThat(post("/api/conversations/" + conversation + "/read", AGENT, null).status()).isEqualTo(204);
        assertThat(get("/api/conversations/" + conversation, AGENT).body().get("unreadCount").asInt()).isZero();
        assertThat(get("/api/conversations?unread=true&phone=" + customer, AGENT).body().get("totalElements").asInt())
                .isZero();
    }

    @Test
    void aCustomerWritingStopIsOptedOutAndStaffSendsAreRefusedUntilTheyWriteStart() {
        String customer = newCustomer();
        kafka.publish(inboundText(customer, newWamid(), "Arrêt", Instant.now()));
        await().untilAsserted(() -> assertThat(get("/api/contacts/" + customer, AGENT).body().get("optedOut").asBoolean())
                .isTrue());

        var refused = post("/api/messages", AGENT, java.util.Map.of("to", "+" + customer,
                "content", java.util.Map.of("kind", "text", "body", "Promo du jour")));
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.body().get("reason").asString()).isEqualTo("OPTED_OUT");

        kafka.publish(inboundText(customer, newWamid(), "start", Instant.now()));
        await().untilAsserted(() -> assertThat(get("/api/contacts/" + customer, AGENT).body().get("optedOut").asBoolean())
                .isFalse());
    }

    @Test
    void aMarketingOptOutFailureIsRecordedOnTheContact() {
        String customer = newCustomer();
        String wamid = newWamid();
        kafka.publish(accepted(customer, wamid, "Promo", Instant.now()));
        kafka.publish(status(customer, wamid, DeliveryStatus.FAILED, Instant.now(),
                new MetaError(131050, "User stopped marketing messages", null, null, null)));
        await().untilAsserted(() -> assertThat(get("/api/contacts/" + customer, AGENT).body()
                .get("marketingOptOut").asBoolean()).isTrue());
        assertThat(get("/api/messages/" + wamid, AGENT).body().get("error").get("help").asString())
                .contains("marketing");
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndChangesNothing() {
        String customer = newCustomer();
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.INBOUND_MESSAGES))) {
            kafka.publishRaw(Topics.INBOUND_MESSAGES, ConversationKey.of(BUSINESS_NUMBER, customer),
                    ("{\"businessPhoneNumberId\":\"" + BUSINESS_NUMBER + "\",\"customerWaId\":\"" + customer
                            + "\",\"content\":{\"kind\":\"text\",\"body\":\"no wamid\"}}").getBytes(StandardCharsets.UTF_8),
                    List.of(new RecordHeader(CloudEventHeaders.TYPE, "InboundMessageReceived".getBytes(StandardCharsets.UTF_8))));
            deadLetters.awaitRecord(r -> ConversationKey.of(BUSINESS_NUMBER, customer).equals(r.key()));
        }
        assertThat(get("/api/conversations?phone=" + customer, AGENT).body().get("totalElements").asInt()).isZero();
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextOnesAreStored() {
        String customer = newCustomer();
        String key = ConversationKey.of(BUSINESS_NUMBER, customer);
        String wamid = newWamid();
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.INBOUND_STATUSES))) {
            kafka.publishRaw(Topics.INBOUND_STATUSES, key, "{not json".getBytes(StandardCharsets.UTF_8),
                    List.of(new RecordHeader(CloudEventHeaders.TYPE, "MessageStatusChanged".getBytes(StandardCharsets.UTF_8))));
            kafka.publish(status(customer, wamid, DeliveryStatus.DELIVERED, Instant.now()));
            kafka.publish(accepted(customer, wamid, "Bonjour", Instant.now()));
            var dead = deadLetters.awaitRecord(r -> key.equals(r.key()));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        }
        await().untilAsserted(() -> assertThat(get("/api/messages/" + wamid, AGENT).body().get("status").asString())
                .isEqualTo("DELIVERED"));
    }

    private static JsonNode message(JsonNode page, String id) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(m -> m.get("id").asString().equals(id)).findFirst().orElseThrow();
    }
}
