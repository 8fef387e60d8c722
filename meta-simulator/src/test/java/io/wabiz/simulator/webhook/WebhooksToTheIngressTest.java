package io.wabiz.simulator.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.wabiz.simulator.SimulatorHttpTest;
import tools.jackson.databind.JsonNode;

class WebhooksToTheIngressTest extends SimulatorHttpTest {

    @Test
    void playsSentDeliveredAndReadAsSignedStatusWebhooksEchoingTheCallbackData() {
        customerWrites("221770000301", "Bonjour");
        String wamid = send("""
                {"messaging_product":"whatsapp","to":"221770000301","type":"text","text":{"body":"Merci !"},
                 "biz_opaque_callback_data":"cmd-301"}""").json().path("messages").path(0).path("id").asString();

        for (String status : List.of("sent", "delivered", "read")) {
            LoggedRequest webhook = awaitWebhook(statusOf(wamid, status));

            assertThat(webhook.getHeader("X-Hub-Signature-256")).isEqualTo(expectedSignature(webhook.getBody()));
            assertThat(webhook.getHeader("Content-Type")).startsWith("application/json");
            JsonNode body = json.readTree(webhook.getBodyAsString());
            assertThat(body.path("object").asString()).isEqualTo("whatsapp_business_account");
            assertThat(body.path("entry").path(0).path("id").asString()).isEqualTo(WABA_ID);
            assertThat(body.path("entry").path(0).path("changes").path(0).path("field").asString()).isEqualTo("messages");
            JsonNode value = value(webhook);
            assertThat(value.path("metadata").path("phone_number_id").asString()).isEqualTo(PHONE_ID);
            assertThat(value.path("metadata").path("display_phone_number").asString()).isEqualTo("221338000001");
            JsonNode entry = value.path("statuses").path(0);
            assertThat(entry.path("recipient_id").asString()).isEqualTo("221770000301");
            assertThat(entry.path("biz_opaque_callback_data").asString()).isEqualTo("cmd-301");
            assertThat(entry.path("timestamp").asString()).matches("\\d{10}");
        }
        JsonNode sent = value(awaitWebhook(statusOf(wamid, "sent"))).path("statuses").path(0);
        JsonNode metaSent = fixture("textMessageStatusSent.json")
                .path("entry").path(0).path("changes").path(0).path("value").path("statuses").path(0);
        assertThat(fieldNames(sent)).containsAll(fieldNames(metaSent));
        assertThat(fieldNames(sent.path("conversation"))).isEqualTo(fieldNames(metaSent.path("conversation")));
        assertThat(fieldNames(sent.path("pricing"))).isEqualTo(fieldNames(metaSent.path("pricing")));
        assertThat(sent.path("pricing").path("category").asString()).isEqualTo("service");
        assertThat(simulatorGet("/simulator/customers/221770000301/chat").json().path("messages").path(1)
                .path("status").asString()).isEqualTo("read");
    }

    @Test
    void sendsACustomersTextAsASignedWebhookShapedLikeMetas() {
        String wamid = customerWrites("221770000302", "Bonjour, ma commande ?");

        LoggedRequest webhook = awaitWebhook(body -> wamid.equals(body.path("entry").path(0).path("changes").path(0)
                .path("value").path("messages").path(0).path("id").asString("")));

        assertThat(webhook.getHeader("X-Hub-Signature-256")).isEqualTo(expectedSignature(webhook.getBody()));
        JsonNode value = value(webhook);
        JsonNode metaValue = fixture("textMessage.json").path("entry").path(0).path("changes").path(0).path("value");
        assertThat(fieldNames(value)).isEqualTo(fieldNames(metaValue));
        assertThat(fieldNames(value.path("contacts").path(0))).isEqualTo(fieldNames(metaValue.path("contacts").path(0)));
        assertThat(fieldNames(value.path("messages").path(0))).isEqualTo(fieldNames(metaValue.path("messages").path(0)));
        assertThat(value.path("contacts").path(0).path("profile").path("name").asString()).isEqualTo("Client 221770000302");
        assertThat(value.path("contacts").path(0).path("wa_id").asString()).isEqualTo("221770000302");
        assertThat(value.path("messages").path(0).path("from").asString()).isEqualTo("221770000302");
        assertThat(value.path("messages").path(0).path("text").path("body").asString()).isEqualTo("Bonjour, ma commande ?");
    }

    @Test
    void turnsAButtonTapIntoAButtonReplyWebhookInReplyToTheBusinessMessage() {
        customerWrites("221770000303", "Bonjour");
        String businessWamid = send("""
                {"messaging_product":"whatsapp","to":"221770000303","type":"interactive","interactive":{
                 "type":"button","body":{"text":"Commande S00042 : 125 000 XOF"},"action":{"buttons":[
                  {"type":"reply","reply":{"id":"order:42:confirm","title":"Valider"}},
                  {"type":"reply","reply":{"id":"order:42:cancel","title":"Annuler"}}]}}}""")
                .json().path("messages").path(0).path("id").asString();

        Answer tap = simulator("/simulator/customers/221770000303/button-replies",
                "{\"messageWamid\":\"" + businessWamid + "\",\"buttonId\":\"order:42:cancel\"}");

        assertThat(tap.status()).isEqualTo(202);
        LoggedRequest webhook = awaitWebhook(messageReplyingTo(businessWamid));
        assertThat(webhook.getHeader("X-Hub-Signature-256")).isEqualTo(expectedSignature(webhook.getBody()));
        JsonNode message = value(webhook).path("messages").path(0);
        assertThat(message.path("id").asString()).isEqualTo(tap.json().path("wamid").asString());
        assertThat(message.path("type").asString()).isEqualTo("interactive");
        assertThat(message.path("context").path("id").asString()).isEqualTo(businessWamid);
        assertThat(message.path("context").path("from").asString()).isEqualTo("221338000001");
        assertThat(message.path("interactive").path("type").asString()).isEqualTo("button_reply");
        assertThat(message.path("interactive").path("button_reply").path("id").asString()).isEqualTo("order:42:cancel");
        assertThat(message.path("interactive").path("button_reply").path("title").asString()).isEqualTo("Annuler");
    }

    @Test
    void turnsATemplateQuickReplyIntoAButtonWebhookCarryingThePayload() {
        String businessWamid = send(GraphTemplates.orderCreated("221770000304", "order:7:confirm"))
                .json().path("messages").path(0).path("id").asString();

        Answer tap = simulator("/simulator/customers/221770000304/button-replies",
                "{\"messageWamid\":\"" + businessWamid + "\",\"buttonIndex\":0}");

        assertThat(tap.status()).isEqualTo(202);
        JsonNode message = value(awaitWebhook(messageReplyingTo(businessWamid))).path("messages").path(0);
        JsonNode metaMessage = fixture("buttonMessage.json").path("entry").path(0).path("changes").path(0)
                .path("value").path("messages").path(0);
        assertThat(fieldNames(message)).isEqualTo(fieldNames(metaMessage));
        assertThat(message.path("type").asString()).isEqualTo("button");
        assertThat(message.path("button").path("payload").asString()).isEqualTo("order:7:confirm");
        assertThat(message.path("button").path("text").asString()).isEqualTo("Valider");
        assertThat(simulatorGet("/simulator/customers").json().path(0).path("windowOpen").asBoolean())
                .as("a tap is a customer message: it opens the window").isTrue();
    }

    @Test
    void turnsAPickedListRowIntoAListReplyWebhook() {
        customerWrites("221770000305", "menu");
        String businessWamid = send("""
                {"messaging_product":"whatsapp","to":"221770000305","type":"interactive","interactive":{
                 "type":"list","body":{"text":"Que voulez-vous ?"},"action":{"button":"Choisir","sections":[
                  {"title":"Factures","rows":[{"id":"invoices","title":"Mes factures","description":"Impayées"}]},
                  {"title":"Commandes","rows":[{"id":"orders","title":"Mes commandes"}]}]}}}""")
                .json().path("messages").path(0).path("id").asString();

        simulator("/simulator/customers/221770000305/list-replies",
                "{\"messageWamid\":\"" + businessWamid + "\",\"rowId\":\"invoices\"}");

        JsonNode interactive = value(awaitWebhook(messageReplyingTo(businessWamid))).path("messages").path(0)
                .path("interactive");
        assertThat(interactive.path("type").asString()).isEqualTo("list_reply");
        assertThat(interactive.path("list_reply").path("id").asString()).isEqualTo("invoices");
        assertThat(interactive.path("list_reply").path("title").asString()).isEqualTo("Mes factures");
        assertThat(interactive.path("list_reply").path("description").asString()).isEqualTo("Impayées");
    }

    @Test
    void refusesATapOnAButtonTheMessageDoesNotHaveAndSendsNothing() {
        customerWrites("221770000306", "Bonjour");
        String businessWamid = send("""
                {"messaging_product":"whatsapp","to":"221770000306","type":"interactive","interactive":{
                 "type":"button","body":{"text":"Valider ?"},"action":{"buttons":[
                  {"type":"reply","reply":{"id":"yes","title":"Oui"}}]}}}""")
                .json().path("messages").path(0).path("id").asString();

        Answer tap = simulator("/simulator/customers/221770000306/button-replies",
                "{\"messageWamid\":\"" + businessWamid + "\",\"buttonId\":\"no\"}");
        Answer unknownMessage = simulator("/simulator/customers/221770000306/button-replies",
                "{\"messageWamid\":\"wamid.nope\",\"buttonId\":\"yes\"}");

        assertThat(tap.status()).isEqualTo(400);
        assertThat(tap.json().path("detail").asString()).contains("no button 'no'");
        assertThat(unknownMessage.status()).isEqualTo(404);
        assertThat(simulatorGet("/simulator/customers/221770000306/chat").json().path("messages").size()).isEqualTo(2);
    }

    @Test
    void retriesAWebhookTheIngressRefusedUntilItIsAccepted() {
        ingress.resetAll();
        ingress.stubFor(post("/webhook").inScenario("ingress down").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        ingress.stubFor(post("/webhook").inScenario("ingress down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        String wamid = customerWrites("221770000307", "Allô ?");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode delivery = simulatorGet("/simulator/webhooks?limit=1").json().path(0);
            assertThat(delivery.path("wamid").asString()).isEqualTo(wamid);
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.path("delivered").asBoolean()).isTrue();
            assertThat(delivery.path("lastHttpStatus").asInt()).isEqualTo(200);
        });
        List<LoggedRequest> attempts = webhooks().stream().filter(r -> r.getBodyAsString().contains(wamid)).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getBodyAsString()).isEqualTo(attempts.get(1).getBodyAsString());
    }

    @Test
    void failsASendToAnUnreachableCustomerWithAFailedStatusWebhook() {
        simulator("/simulator/customers", "{\"waId\":\"221770000308\",\"name\":\"Sans WhatsApp\",\"reachable\":false}");

        String wamid = send(GraphTemplates.orderCreated("221770000308", "order:8:confirm"))
                .json().path("messages").path(0).path("id").asString();

        JsonNode status = value(awaitWebhook(statusOf(wamid, "failed"))).path("statuses").path(0);
        JsonNode metaFailed = fixture("reEngagementMessageError.json").path("entry").path(0).path("changes").path(0)
                .path("value").path("statuses").path(0);
        assertThat(fieldNames(status.path("errors").path(0))).isEqualTo(fieldNames(metaFailed.path("errors").path(0)));
        assertThat(status.path("errors").path(0).path("code").asInt()).isEqualTo(131026);
        assertThat(status.path("errors").path(0).path("error_data").path("details").asString()).isNotBlank();
        assertThat(webhooks().stream().map(LoggedRequest::getBodyAsString)
                .filter(b -> b.contains(wamid) && b.contains("\"delivered\"")))
                .as("a failed message is never delivered").isEmpty();
    }

    @Test
    void sendsAForgedWebhookWithASignatureTheAppSecretDoesNotProduce() {
        Answer forged = simulator("/simulator/webhooks/forged", "{\"waId\":\"221770000309\",\"text\":\"fake\"}");

        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().path("httpStatus").asInt()).as("what the ingress answered").isEqualTo(200);
        LoggedRequest webhook = webhooks().stream().filter(r -> r.getBodyAsString().contains("fake")).findFirst()
                .orElseThrow();
        assertThat(webhook.getHeader("X-Hub-Signature-256")).startsWith("sha256=")
                .isNotEqualTo(expectedSignature(webhook.getBody()));
    }

    private static Set<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().collect(Collectors.toSet());
    }
}
