package io.wabiz.conversations.send;

import static io.wabiz.conversations.Records.inactivePartner;
import static io.wabiz.conversations.Records.inboundText;
import static io.wabiz.conversations.Records.partner;
import static io.wabiz.conversations.Records.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.testsupport.TestHttp;
import io.wabiz.testsupport.TestHttp.Answer;
import io.wabiz.testsupport.TopicWatcher;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the staff API refuses, and how it says so: in its own terms, before anything is sent. */
class StaffApiInputTest extends ServiceTest {

    private static final Map<String, Object> HELLO = Map.of("kind", "text", "body", "Bonjour");
    /** What a problem detail must never show: Java and library names. */
    private static final String JAVA_NAMES = "(?s).*(io\\.wabiz|java\\.|tools\\.jackson|com\\.fasterxml|Exception|"
            + "\\[Source|\\bclass\\b).*";

    @Test
    void aSendBodyOverTheCapIsRefusedWith413WithOrWithoutItsLength() {
        String big = "{\"to\":\"+221771234567\",\"content\":{\"kind\":\"text\",\"body\":\"" + "x".repeat(70 * 1024)
                + "\"}}";
        Answer withLength = post("/api/messages", AGENT, big);
        assertThat(withLength.status()).as("%s", withLength.body()).isEqualTo(413);
        assertThat(withLength.body().get("detail").asString()).contains("64KB");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        Answer chunked = Answer.of(TestHttp.send(http.request("/api/messages")
                .header("Authorization", "Bearer " + AGENT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build()));
        assertThat(chunked.status()).as("%s", chunked.body()).isEqualTo(413);
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheField() {
        Answer topLevel = post("/api/messages", AGENT, Map.of("to", "+221771234567", "content", HELLO,
                "prority", "high"));
        assertThat(topLevel.status()).isEqualTo(400);
        assertThat(topLevel.body().get("detail").asString()).contains("'prority'").doesNotMatch(JAVA_NAMES);

        Answer nested = post("/api/messages", AGENT, Map.of("to", "+221771234567",
                "content", Map.of("kind", "text", "body", "Bonjour", "bodyy", "x")));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.body().get("detail").asString()).contains("'content.bodyy'");
    }

    @Test
    void aPhoneNumberWithAnythingAfterItIsRefused() {
        Answer injected = post("/api/messages", AGENT, Map.of("to", "221770000001; DROP", "content", HELLO));
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.body().get("detail").asString()).contains("'to' is not a valid phone number");
        assertThat(get("/api/conversations?phone=221770000001%3B%20DROP", AGENT).status()).isEqualTo(400);
    }

    @Test
    void aBulkSendSkipsInactivePartnersWithTheReason() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String active = newCustomer();
        String archived = newCustomer();
        kafka.publish(partner("p-active-" + run, "Active", Instant.now(), "+" + active));
        kafka.publish(inactivePartner("p-archived-" + run, "Archived", Instant.now(), "+" + archived));
        kafka.publish(inboundText(active, newWamid(), "Bonjour", Instant.now()));
        kafka.publish(inboundText(archived, newWamid(), "Bonjour", Instant.now()));
        await().until(() -> get("/api/conversations?partnerId=p-archived-" + run, AGENT).body()
                .get("totalElements").asInt() == 1 && get("/api/conversations?partnerId=p-active-" + run, AGENT)
                .body().get("totalElements").asInt() == 1);

        Answer report = post("/api/bulk-sends", ADMIN, Map.of("partnerIds",
                List.of("p-active-" + run, "p-archived-" + run), "content", HELLO));
        assertThat(report.status()).as("%s", report.body()).isEqualTo(202);
        assertThat(report.body().get("sent").findValuesAsString("partnerId")).containsExactly("p-active-" + run);
        JsonNode skipped = report.body().get("unreachable").get(0);
        assertThat(skipped.get("partnerId").asString()).isEqualTo("p-archived-" + run);
        assertThat(skipped.get("reason").asString()).isEqualTo("INACTIVE_PARTNER");
        assertThat(skipped.get("explanation").asString()).contains("inactive");

        Answer single = post("/api/messages", AGENT, Map.of("partnerId", "p-archived-" + run, "content", HELLO));
        assertThat(single.status()).isEqualTo(422);
        assertThat(single.body().get("reason").asString()).isEqualTo("INACTIVE_PARTNER");
    }

    @Test
    void templatesAreCheckedAgainstTheSyncedOnesWhenTheSendIsAsked() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        kafka.publish(template("tpl_ok_" + run, "fr", "APPROVED", "Bonjour {{1}}, facture {{2}} ({{1}})"));
        kafka.publish(template("tpl_rejected_" + run, "fr", "REJECTED", "Promo {{1}}"));
        kafka.publish(template("tpl_pending_" + run, "fr", "PENDING", "Rappel"));
        await().until(() -> get("/api/templates?name=tpl_pending_" + run, AGENT).body().size() == 1
                && get("/api/templates?name=tpl_ok_" + run, AGENT).body().size() == 1
                && get("/api/templates?name=tpl_rejected_" + run, AGENT).body().size() == 1);

        Answer unknown = post("/api/messages", AGENT, Map.of("to", "+" + newCustomer(),
                "content", templateContent("tpl_nowhere_" + run, List.of("Awa"))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("reason").asString()).isEqualTo("UNKNOWN_TEMPLATE");
        assertThat(unknown.body().get("detail").asString()).contains("tpl_nowhere_" + run);

        Answer rejected = post("/api/messages", AGENT, Map.of("to", "+" + newCustomer(),
                "content", templateContent("tpl_rejected_" + run, List.of("Awa"))));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().get("reason").asString()).isEqualTo("TEMPLATE_NOT_APPROVED");
        assertThat(rejected.body().get("templateStatus").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("detail").asString()).contains("REJECTED", "INVALID_FORMAT");

        Answer pendingFallback = post("/api/messages", AGENT, Map.of("to", "+" + newCustomer(), "content", HELLO,
                "fallbackTemplate", templateContent("tpl_pending_" + run, List.of())));
        assertThat(pendingFallback.status()).isEqualTo(422);
        assertThat(pendingFallback.body().get("templateStatus").asString()).isEqualTo("PENDING");

        Answer tooFew = post("/api/messages", AGENT, Map.of("to", "+" + newCustomer(),
                "content", templateContent("tpl_ok_" + run, List.of("Awa"))));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.body().get("reason").asString()).isEqualTo("TEMPLATE_PARAMETER_COUNT");
        assertThat(tooFew.body().get("detail").asString()).contains("2 body parameter", "1");

        Answer right = post("/api/messages", AGENT, Map.of("to", "+" + newCustomer(),
                "content", templateContent("tpl_ok_" + run, List.of("Awa", "F2026-0042"))));
        assertThat(right.status()).as("%s", right.body()).isEqualTo(202);
    }

    @Test
    void anUnknownBusinessNumberIsNamedRatherThanAClosedWindow() {
        String customer = newCustomer();
        kafka.publish(inboundText(customer, newWamid(), "Bonjour", Instant.now()));
        await().until(() -> get("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, customer), AGENT)
                .status() == 200);
        Answer unknown = post("/api/messages", AGENT, Map.of("to", "+" + customer, "content", HELLO,
                "businessPhoneNumberId", "199999999999999"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("reason").asString()).isEqualTo("UNKNOWN_BUSINESS_NUMBER");
        assertThat(unknown.body().get("detail").asString()).contains("199999999999999").doesNotContain("window");
    }

    @Test
    void errorDetailsSayWhatIsWrongInTheApisOwnTerms() {
        List<Answer> refused = List.of(
                post("/api/messages", AGENT, Map.of("to", "+221771234567", "content", Map.of("kind", "telepathy"))),
                post("/api/messages", AGENT, Map.of("to", "+221771234567", "content", "Bonjour")),
                post("/api/messages", AGENT, Map.of("to", List.of("+221771234567"), "content", HELLO)),
                post("/api/messages", AGENT, Map.of("to", 221771234567L, "content", HELLO)),
                post("/api/messages", AGENT, Map.of("to", "+221771234567", "content", Map.of("kind", "reply_buttons",
                        "body", "Choisissez", "buttons", "A"))),
                post("/api/bulk-sends", ADMIN, Map.of("partnerIds", "p1", "content", HELLO)),
                post("/api/messages", AGENT, "{\"to\": \"+221771234567\", \"content\": {\"kind\": \"text\",}"),
                get("/api/messages?status=LOST", AGENT),
                get("/api/messages?from=yesterday", AGENT),
                get("/api/messages?size=abc", AGENT),
                get("/api/conversations?unread=maybe", AGENT));
        for (Answer answer : refused) {
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
            assertThat(answer.body().get("detail").asString()).as("%s", answer.body()).doesNotMatch(JAVA_NAMES);
        }
        assertThat(refused.get(0).body().get("detail").asString()).contains("'content.kind'", "text", "template");
        assertThat(refused.get(2).body().get("detail").asString()).contains("'to'");
        assertThat(refused.get(3).body().get("detail").asString()).contains("'to' must be a string");
        assertThat(refused.get(7).body().get("detail").asString()).contains("'status'", "READ");
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingItRatherThanTheLastOneWinning() {
        Answer to = post("/api/messages", AGENT, "{\"to\": \"+221771234567\", \"to\": \"+221771234568\", "
                + "\"content\": {\"kind\": \"text\", \"body\": \"Bonjour\"}}");
        assertThat(to.status()).as("%s", to.body()).isEqualTo(400);
        assertThat(to.body().get("detail").asString()).contains("'to' is given twice").doesNotMatch(JAVA_NAMES);

        Answer body = post("/api/messages", AGENT, "{\"to\": \"+221771234567\", \"content\": {\"kind\": \"text\", "
                + "\"body\": \"Bonjour\", \"body\": \"Promo\"}}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(body.body().get("detail").asString()).contains("body' is given twice");
    }

    @Test
    void anUnknownQueryParameterIsRefusedNamingItAndTheKnownOnes() {
        Answer misspelt = get("/api/conversations?unred=true", AGENT);
        assertThat(misspelt.status()).as("%s", misspelt.body()).isEqualTo(400);
        assertThat(misspelt.body().get("detail").asString()).contains("'unred'", "unread", "waitingForStaff");
        assertThat(get("/api/messages?stauts=READ", AGENT).body().get("detail").asString()).contains("'stauts'");
        assertThat(post("/api/conversations/" + ConversationKey.of(BUSINESS_NUMBER, newCustomer()) + "/read?all=1",
                AGENT, null).body().get("detail").asString()).contains("'all'", "reads none");
        assertThat(get("/api/conversations?unread=true&size=5", AGENT).status()).isEqualTo(200);
    }

    @Test
    void aBulkSendWithABlankPartnerIdIsRefusedNamingTheEntry() {
        Answer blank = post("/api/bulk-sends", ADMIN, "{\"partnerIds\": [\"p-1\", \"\"], \"content\": "
                + "{\"kind\": \"text\", \"body\": \"Bonjour\"}}");
        assertThat(blank.status()).as("%s", blank.body()).isEqualTo(400);
        assertThat(blank.body().get("detail").asString()).contains("partnerIds[1]");
        Answer missing = post("/api/bulk-sends/preview", ADMIN, "{\"partnerIds\": [null], \"content\": "
                + "{\"kind\": \"text\", \"body\": \"Bonjour\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("detail").asString()).contains("partnerIds[0]");
    }

    @Test
    void aUrlTheFirewallRefusesGetsProblemDetailsAndChangesNothing() {
        HttpResponse<String> refused = TestHttp.send(http.request("/api/contacts/221770000001%3B%20DROP/opt-out")
                .header("Authorization", "Bearer " + ADMIN).PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"detail\"", "encoded ';'").doesNotMatch(JAVA_NAMES);
        assertThat(get("/api/contacts/221770000001", AGENT).body().get("optedOut").asBoolean()).isFalse();
    }

    @Test
    void refusedRequestsPublishNoCommandAndStoreNothing() {
        String customer = newCustomer();
        String asked = newWamid();
        String conversation = ConversationKey.of(BUSINESS_NUMBER, customer);
        kafka.publish(inboundText(customer, asked, "Bonjour", Instant.now()));
        await().until(() -> get("/api/messages/" + asked, AGENT).status() == 200);
        String to = "+" + customer;

        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            // the customer's window is open: each of these would be sent but for what is wrong with it
            List<Answer> refused = List.of(
                    post("/api/messages", AGENT, Map.of("to", to, "content", HELLO, "prority", "high")),
                    post("/api/messages", AGENT, "{\"to\": \"" + to + "\", \"to\": \"" + to + "\", \"content\": "
                            + "{\"kind\": \"text\", \"body\": \"Bonjour\"}}"),
                    post("/api/messages", AGENT, Map.of("to", to + "; DROP", "content", HELLO)),
                    post("/api/messages", AGENT, Map.of("to", to, "content", Map.of("kind", "text",
                            "body", "x".repeat(70 * 1024)))),
                    post("/api/messages", AGENT, Map.of("to", to, "content", HELLO), Map.of("Idempotency-Key",
                            "k".repeat(201))),
                    post("/api/messages", AGENT, Map.of("to", to, "content", templateContent("tpl_nowhere",
                            List.of()))),
                    post("/api/messages", AGENT, Map.of("to", to, "content", HELLO, "businessPhoneNumberId",
                            "199999999999999")),
                    post("/api/messages/" + asked + "/reply", AGENT, Map.of("content", HELLO, "to", to)),
                    post("/api/messages/" + asked + "/reply?urgent=true", AGENT, Map.of("content", HELLO)));
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer.body()).isBetween(400, 499);
                assertThat(answer.body().get("detail").asString()).isNotBlank().doesNotMatch(JAVA_NAMES);
            });
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> commands
                    .events(SendMessage.class).stream().noneMatch(c -> customer.equals(c.recipientWaId())));
            assertThat(get("/api/conversations/" + conversation + "/messages", AGENT).body().get("items")
                    .findValuesAsString("id")).containsExactly(asked);
            assertThat(get("/api/conversations/" + conversation, AGENT).body().get("lastMessage").get("messageId")
                    .asString()).isEqualTo(asked);

            // the same request without what was wrong with it goes: the watch above would have seen one
            assertThat(post("/api/messages/" + asked + "/reply", AGENT, Map.of("content", HELLO)).status())
                    .isEqualTo(202);
            commands.awaitEvent(SendMessage.class, c -> customer.equals(c.recipientWaId()));
        }
    }

    private static Map<String, Object> templateContent(String name, List<String> bodyParameters) {
        return Map.of("kind", "template", "name", name, "language", "fr", "components", List.of(Map.of(
                "type", "body", "parameters", bodyParameters.stream().map(p -> Map.of("type", "text", "text", p))
                        .toList())));
    }
}
