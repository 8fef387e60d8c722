package io.wabiz.conversations.send;

import static io.wabiz.conversations.Records.accepted;
import static io.wabiz.conversations.Records.inboundText;
import static io.wabiz.conversations.Records.outcomeUnknown;
import static io.wabiz.conversations.Records.partner;
import static io.wabiz.conversations.Records.status;
import static io.wabiz.conversations.Records.unresolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.testsupport.TestHttp.Answer;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StaffSendApiTest extends ServiceTest {

    private static final Map<String, Object> THANKS = Map.of("kind", "text", "body", "Merci, c'est noté !");

    @Test
    void aReplyPublishesOneSendCommandQuotingTheCustomerMessageThenShowsPendingSentAndRead() {
        String customer = newCustomer();
        String question = newWamid();
        kafka.publish(inboundText(customer, question, "Pouvez-vous confirmer ma commande ?", Instant.now()));
        await().until(() -> get("/api/messages/" + question, AGENT).status() == 200);
        String key = UUID.randomUUID().toString();

        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            Answer reply = post("/api/messages/" + question + "/reply", AGENT, Map.of("content", THANKS),
                    Map.of("Idempotency-Key", key));
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(202);
            String messageId = reply.body().get("messageId").asString();
            String commandId = reply.body().get("commandId").asString();

            SendMessage command = commands.awaitEvent(SendMessage.class, c -> c.id().equals(commandId));
            assertThat(command.replyToWamid()).isEqualTo(question);
            assertThat(command.recipientWaId()).isEqualTo(customer);
            assertThat(command.businessPhoneNumberId()).isEqualTo(BUSINESS_NUMBER);
            assertThat(command.idempotencyKey()).isEqualTo("staff:" + key);
            assertThat(command.content()).isEqualTo(new OutboundContent.Text("Merci, c'est noté !", false));
            assertThat(command.correlation().origin()).isEqualTo(Correlation.Origin.STAFF);
            assertThat(command.correlation().actor()).isEqualTo("test-agent");

            JsonNode pending = get("/api/messages/" + messageId, AGENT).body();
            assertThat(pending.get("status").asString()).isEqualTo("PENDING");
            assertThat(pending.get("replyToWamid").asString()).isEqualTo(question);
            assertThat(pending.get("sentBy").get("actor").asString()).isEqualTo("test-agent");

            String wamid = newWamid();
            kafka.publish(accepted(customer, wamid, command.idempotencyKey(), command.id(), command.content(),
                    command.correlation(), question, Instant.now()));
            await().untilAsserted(() -> assertThat(get("/api/messages/" + messageId, AGENT).body().get("wamid"))
                    .isNotNull());
            assertThat(get("/api/messages/" + wamid, AGENT).body().get("status").asString()).isEqualTo("PENDING");

            kafka.publish(status(customer, wamid, DeliveryStatus.SENT, Instant.now()));
            await().untilAsserted(() -> assertThat(get("/api/messages/" + messageId, AGENT).body().get("status")
                    .asString()).isEqualTo("SENT"));
            kafka.publish(status(customer, wamid, DeliveryStatus.READ, Instant.now()));
            await().untilAsserted(() -> assertThat(get("/api/messages/" + wamid, AGENT).body().get("status")
                    .asString()).isEqualTo("READ"));

            // the same request again: the same message, and no second command
            Answer again = post("/api/messages/" + question + "/reply", AGENT, Map.of("content", THANKS),
                    Map.of("Idempotency-Key", key));
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.body().get("replayed").asBoolean()).isTrue();
            assertThat(again.body().get("commandId").asString()).isEqualTo(commandId);
            assertThat(again.body().get("messageId").asString()).isEqualTo(wamid);
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() ->
                    commands.events(SendMessage.class).stream().filter(c -> c.replyToWamid() != null
                            && c.replyToWamid().equals(question)).count() == 1);

            JsonNode history = get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer)
                    + "/messages", AGENT).body();
            assertThat(history.get("items").findValuesAsString("id")).containsExactly(question, wamid);
        }
    }

    @Test
    void aSendTheSenderRejectsShowsFailedWithWhatToDo() {
        String customer = newCustomer();
        kafka.publish(inboundText(customer, newWamid(), "Bonjour", Instant.now()));
        await().until(() -> get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer), AGENT)
                .status() == 200);
        Answer sent = post("/api/messages", AGENT, Map.of("to", "+" + customer, "content", THANKS));
        assertThat(sent.status()).isEqualTo(202);
        String messageId = sent.body().get("messageId").asString();
        String key = sent.body().get("idempotencyKey").asString();

        kafka.publish(new io.wabiz.events.outbound.MessageRejected(UUID.randomUUID().toString(), Instant.now(),
                sent.body().get("commandId").asString(), key, BUSINESS_NUMBER, customer, 131047,
                "Re-engagement message", "More than 24 hours have passed", null, false,
                new OutboundContent.Text("Merci, c'est noté !", false),
                new Correlation(null, null, null, Correlation.Origin.STAFF, "test-agent")));
        await().untilAsserted(() -> assertThat(get("/api/messages/" + messageId, AGENT).body().get("status")
                .asString()).isEqualTo("FAILED"));
        JsonNode failed = get("/api/messages/" + messageId, AGENT).body();
        assertThat(failed.get("error").get("code").asInt()).isEqualTo(131047);
        assertThat(failed.get("error").get("help").asString()).contains("Re-engage with an approved template");
        assertThat(failed.get("timeline").findValuesAsString("status")).containsExactly("PENDING", "FAILED");
    }

    @Test
    void anIdempotencyKeyStandsForOneRequestTheSameReplaysAnyOtherIsRefusedNamingTheDifference() {
        String customer = newCustomer();
        String other = newCustomer();
        String question = newWamid();
        kafka.publish(inboundText(customer, question, "Bonjour", Instant.now()));
        kafka.publish(inboundText(other, newWamid(), "Bonjour", Instant.now()));
        await().until(() -> get("/api/messages/" + question, AGENT).status() == 200
                && get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, other), AGENT).status() == 200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("to", "+" + customer, "content", THANKS);
        Answer first = post("/api/messages", AGENT, request, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(202);

        Answer again = post("/api/messages", AGENT, request, Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("replayed").asBoolean()).isTrue();

        assertConflict(post("/api/messages", AGENT, Map.of("to", "+" + customer,
                "content", Map.of("kind", "text", "body", "autre chose")), Map.of("Idempotency-Key", key)), "body");
        assertConflict(post("/api/messages", AGENT, Map.of("to", "+" + other, "content", THANKS),
                Map.of("Idempotency-Key", key)), "recipient");
        assertConflict(post("/api/messages", ADMIN, request, Map.of("Idempotency-Key", key)), "user");
        assertConflict(post("/api/messages/" + question + "/reply", AGENT, Map.of("content", THANKS),
                Map.of("Idempotency-Key", key)), "endpoint");

        // at any time: once Meta accepted the first request, too
        String wamid = newWamid();
        kafka.publish(accepted(customer, wamid, "staff:" + key, first.body().get("commandId").asString(),
                new OutboundContent.Text("Merci, c'est noté !", false),
                new Correlation(null, null, null, Correlation.Origin.STAFF, "test-agent"), null, Instant.now()));
        await().untilAsserted(() -> assertThat(get("/api/messages/" + first.body().get("messageId").asString(), AGENT)
                .body().get("wamid")).isNotNull());
        assertConflict(post("/api/messages", AGENT, Map.of("to", "+" + customer,
                "content", Map.of("kind", "text", "body", "autre chose")), Map.of("Idempotency-Key", key)), "body");
        Answer replayed = post("/api/messages", AGENT, request, Map.of("Idempotency-Key", key));
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.body().get("messageId").asString()).isEqualTo(wamid);
    }

    private static void assertConflict(Answer answer, String differs) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(422);
        assertThat(answer.body().get("detail").asString()).contains("Idempotency-Key", differs);
        List<String> conflicts = new java.util.ArrayList<>();
        answer.body().get("conflicts").forEach(c -> conflicts.add(c.asString()));
        assertThat(conflicts).contains(differs);
    }

    @Test
    void bulkSendPublishesOneCommandPerReachablePartnerAndReportsWhoCouldNotBeReachedAndWhy() {
        String open = newCustomer();
        String optedOut = newCustomer();
        String neverWrote = newCustomer();
        String run = UUID.randomUUID().toString().substring(0, 8);
        kafka.publish(partner("p-open-" + run, "Open", Instant.now(), "+" + open));
        kafka.publish(partner("p-nophone-" + run, "No Phone", Instant.now(), "n/a"));
        kafka.publish(partner("p-optout-" + run, "Opted Out", Instant.now(), "00" + optedOut));
        kafka.publish(partner("p-closed-" + run, "Closed", Instant.now(), neverWrote));
        kafka.publish(inboundText(open, newWamid(), "Bonjour", Instant.now()));
        kafka.publish(inboundText(optedOut, newWamid(), "Bonjour", Instant.now()));
        await().until(() -> get("/api/conversations?partnerId=p-open-" + run, AGENT).body().get("totalElements")
                .asInt() == 1 && get("/api/conversations?partnerId=p-closed-" + run, AGENT).status() == 200
                && get("/api/conversations?phone=" + optedOut, AGENT).body().get("totalElements").asInt() == 1);
        assertThat(call("PUT", "/api/contacts/" + optedOut + "/opt-out", ADMIN, null, Map.of()).status())
                .isEqualTo(200);

        Map<String, Object> request = Map.of("partnerIds", List.of("p-open-" + run, "p-nophone-" + run,
                "p-optout-" + run, "p-closed-" + run, "p-unknown-" + run), "content", THANKS);
        assertThat(post("/api/bulk-sends", AGENT, request).status()).isEqualTo(403);

        assertThat(post("/api/bulk-sends/preview", AGENT, request).status()).isEqualTo(403);

        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            // the preview tells the same split and sends nothing (the one command below is the real send's)
            Answer preview = post("/api/bulk-sends/preview", ADMIN, request);
            assertThat(preview.status()).as("%s", preview.body()).isEqualTo(200);
            assertThat(preview.body().get("requested").asInt()).isEqualTo(5);
            assertThat(preview.body().get("reachable").toString()).isEqualTo("[\"p-open-" + run + "\"]");
            assertThat(preview.body().get("unreachable").findValuesAsString("reason")).containsExactlyInAnyOrder(
                    "NO_PHONE", "OPTED_OUT", "WINDOW_CLOSED_WITHOUT_TEMPLATE", "UNKNOWN_PARTNER");

            Answer report = post("/api/bulk-sends", ADMIN, request, Map.of("Idempotency-Key", run));
            assertThat(report.status()).as("%s", report.body()).isEqualTo(202);
            assertThat(report.body().get("requested").asInt()).isEqualTo(5);
            assertThat(report.body().get("sent").findValuesAsString("partnerId")).containsExactly("p-open-" + run);
            Map<String, String> reasons = new java.util.HashMap<>();
            report.body().get("unreachable").forEach(u -> reasons.put(u.get("partnerId").asString(),
                    u.get("reason").asString()));
            assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "p-nophone-" + run, "NO_PHONE",
                    "p-optout-" + run, "OPTED_OUT",
                    "p-closed-" + run, "WINDOW_CLOSED_WITHOUT_TEMPLATE",
                    "p-unknown-" + run, "UNKNOWN_PARTNER"));

            SendMessage command = commands.awaitEvent(SendMessage.class, c -> c.recipientWaId().equals(open));
            assertThat(command.idempotencyKey()).isEqualTo("staff:" + run + ":p-open-" + run);
            assertThat(command.correlation().actor()).isEqualTo("test-admin");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> commands.events(SendMessage.class).size() == 1);
        }
    }

    @Test
    void aSendToAPartnerWithATemplateOutsideTheWindowGoesAndAPartnerWithoutPhoneIsRefused() {
        String customer = newCustomer();
        String run = UUID.randomUUID().toString().substring(0, 8);
        kafka.publish(partner("p-tpl-" + run, "Template", Instant.now(), customer));
        kafka.publish(partner("p-none-" + run, "Nothing", Instant.now()));
        await().until(() -> post("/api/messages", AGENT, Map.of("partnerId", "p-none-" + run, "content", THANKS))
                .status() == 422);

        kafka.publish(io.wabiz.conversations.Records.template("invoice_ready", "fr", "APPROVED", "Votre facture"));
        await().until(() -> get("/api/templates?name=invoice_ready", AGENT).body().size() == 1);
        Map<String, Object> template = Map.of("kind", "template", "name", "invoice_ready", "language", "fr");
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            await().until(() -> post("/api/messages", AGENT, Map.of("partnerId", "p-tpl-" + run, "content", THANKS,
                    "fallbackTemplate", template)).status() == 202);
            SendMessage command = commands.awaitEvent(SendMessage.class, c -> c.recipientWaId().equals(customer));
            assertThat(command.fallbackTemplate().name()).isEqualTo("invoice_ready");
        }
    }

    @Test
    void anAcceptanceAfterAnUnknownOutcomeTurnsTheSendIntoAcceptedWithItsWamid() {
        String customer = newCustomer();
        String question = newWamid();
        kafka.publish(inboundText(customer, question, "Bonjour", Instant.now()));
        await().until(() -> get("/api/messages/" + question, AGENT).status() == 200);
        Answer sent = post("/api/messages", AGENT, Map.of("to", "+" + customer, "content", THANKS));
        String messageId = sent.body().get("messageId").asString();
        String key = sent.body().get("idempotencyKey").asString();
        String commandId = sent.body().get("commandId").asString();
        OutboundContent content = new OutboundContent.Text("Merci, c'est noté !", false);

        kafka.publish(outcomeUnknown(customer, key, commandId, content, Instant.now()));
        await().untilAsserted(() -> assertThat(get("/api/messages/" + messageId, AGENT).body().get("status")
                .asString()).isEqualTo("FAILED"));

        String wamid = newWamid();
        kafka.publish(accepted(customer, wamid, key, commandId, content,
                new Correlation(null, null, null, Correlation.Origin.STAFF, "test-agent"), null, Instant.now()));
        // no wamid field at all until the acceptance is stored (nulls are left out)
        await().untilAsserted(() -> assertThat(get("/api/messages/" + messageId, AGENT).body().path("wamid")
                .asString(null)).isEqualTo(wamid));
        JsonNode accepted = get("/api/messages/" + messageId, AGENT).body();
        assertThat(accepted.get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.get("error")).isNull();
        assertThat(accepted.get("id").asString()).isEqualTo(wamid);

        // the sender's "still unresolved", if it crossed the acceptance, changes nothing
        kafka.publish(unresolved(customer, key, commandId, content, Instant.now().minusSeconds(600), Instant.now()));
        kafka.publish(status(customer, wamid, DeliveryStatus.READ, Instant.now()));
        await().untilAsserted(() -> assertThat(get("/api/messages/" + wamid, AGENT).body().get("status").asString())
                .isEqualTo("READ"));
        assertThat(get("/api/messages/" + wamid, AGENT).body().get("outcomeUnresolvedSince")).isNull();
        JsonNode history = get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer)
                + "/messages", AGENT).body();
        assertThat(history.get("items").findValuesAsString("id")).containsExactly(question, wamid);
    }

    @Test
    void anOutcomeLeftUnknownShowsSinceWhenAndAnUnknownOutcomeAfterTheAcceptanceChangesNothing() {
        String customer = newCustomer();
        kafka.publish(inboundText(customer, newWamid(), "Bonjour", Instant.now()));
        await().until(() -> get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer), AGENT)
                .status() == 200);
        OutboundContent content = new OutboundContent.Text("Merci, c'est noté !", false);

        Answer lost = post("/api/messages", AGENT, Map.of("to", "+" + customer, "content", THANKS));
        String lostKey = lost.body().get("idempotencyKey").asString();
        String lostCommand = lost.body().get("commandId").asString();
        Instant unknownSince = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        kafka.publish(outcomeUnknown(customer, lostKey, lostCommand, content, unknownSince));
        kafka.publish(unresolved(customer, lostKey, lostCommand, content, unknownSince, Instant.now()));
        String lostId = lost.body().get("messageId").asString();
        await().untilAsserted(() -> assertThat(get("/api/messages/" + lostId, AGENT).body()
                .path("outcomeUnresolvedSince").asString(null)).isEqualTo(unknownSince.toString()));
        assertThat(get("/api/messages/" + lostId, AGENT).body().get("status").asString()).isEqualTo("FAILED");

        Answer settled = post("/api/messages", AGENT, Map.of("to", "+" + customer, "content", THANKS));
        String key = settled.body().get("idempotencyKey").asString();
        String commandId = settled.body().get("commandId").asString();
        String wamid = newWamid();
        kafka.publish(accepted(customer, wamid, key, commandId, content,
                new Correlation(null, null, null, Correlation.Origin.STAFF, "test-agent"), null, Instant.now()));
        kafka.publish(outcomeUnknown(customer, key, commandId, content, Instant.now()));
        kafka.publish(status(customer, wamid, DeliveryStatus.DELIVERED, Instant.now()));
        await().untilAsserted(() -> assertThat(get("/api/messages/" + wamid, AGENT).body().get("status")
                .asString()).isEqualTo("DELIVERED"));
        JsonNode history = get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer)
                + "/messages", AGENT).body();
        assertThat(history.get("items").findValuesAsString("id")).contains(wamid, lostId)
                .doesNotContain(settled.body().get("messageId").asString());
    }
}
