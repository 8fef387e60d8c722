package io.wabiz.console.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.BUSINESS;
import static io.wabiz.console.ApiJson.conversation;
import static io.wabiz.console.ApiJson.inboundText;
import static io.wabiz.console.ApiJson.outbound;
import static io.wabiz.console.ApiJson.page;
import static io.wabiz.console.ApiJson.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ApiJson;
import io.wabiz.console.ConsoleTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ConversationControllerTest extends ConsoleTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String WA_ID = "221770000001";
    private static final String ID = BUSINESS + ":" + WA_ID;
    /** How the console's client writes the id in a path (a URI variable: ':' encoded); the service decodes it. */
    private static final String API_ID = BUSINESS + "%3A" + WA_ID;

    private void conversationIs(boolean windowOpen, int unread) {
        services.stubFor(WireMock.get(urlEqualTo("/api/conversations/" + API_ID)).willReturn(okJson(conversation(WA_ID,
                "Awa Diop", unread, NOW, windowOpen ? NOW.plusSeconds(3600) : NOW.minusSeconds(60), windowOpen,
                "Bonjour"))));
        services.stubFor(WireMock.post(urlEqualTo("/api/conversations/" + API_ID + "/read")).willReturn(noContent()));
    }

    private void messagesAre(String... newestFirst) {
        services.stubFor(WireMock.get(urlPathEqualTo("/api/conversations/" + API_ID + "/messages"))
                .withQueryParam("order", equalTo("desc")).willReturn(okJson(page(0, 200, newestFirst.length, newestFirst))));
    }

    @Test
    void drawsEveryKindOfMessageWithItsStatusErrorHelpAndErpDocumentAndMarksTheThreadRead() throws Exception {
        conversationIs(true, 1);
        messagesAre(
                outbound(WA_ID, "wamid.failed", "text", "Relance", "{\"body\":\"Relance\"}", NOW.minusSeconds(10), "FAILED",
                        "\"error\":{\"code\":131047,\"title\":\"Re-engagement message\",\"help\":\"Send a template: the window is closed.\",\"href\":\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/\"}"),
                outbound(WA_ID, "wamid.pdf", "document", "Facture F-118", "{\"link\":\"https://files.example.com/F-118.pdf\",\"filename\":\"F-118.pdf\",\"caption\":\"Facture F-118\"}",
                        NOW.minusSeconds(20), "DELIVERED", "\"media\":{\"kind\":\"document\",\"link\":\"https://files.example.com/F-118.pdf\",\"filename\":\"F-118.pdf\"},\"sentBy\":{\"documentType\":\"INVOICE\",\"documentId\":\"118\",\"notificationKind\":\"INVOICE_POSTED\",\"origin\":\"AUTOMATION\",\"actor\":\"billing-notifier\"}"),
                outbound(WA_ID, "wamid.buttons", "reply_buttons", "Commande S42 ?", "{\"body\":\"Commande S42 ?\",\"buttons\":[{\"id\":\"order:42:confirm:v1\",\"title\":\"Valider\"},{\"id\":\"order:42:cancel:v1\",\"title\":\"Annuler\"}]}",
                        NOW.minusSeconds(30), "READ", "\"sentBy\":{\"origin\":\"STAFF\",\"actor\":\"agent\"}"),
                "{\"id\":\"wamid.loc\",\"wamid\":\"wamid.loc\",\"conversationId\":\"" + ID + "\",\"customerWaId\":\"" + WA_ID
                        + "\",\"direction\":\"INBOUND\",\"type\":\"location\",\"text\":\"Dépôt\",\"content\":{\"latitude\":14.69,\"longitude\":-17.44,\"name\":\"Dépôt\"},\"at\":\""
                        + NOW.minusSeconds(40) + "\"}",
                inboundText(WA_ID, "wamid.hello", "Bonjour", NOW.minusSeconds(50)));

        String html = mvc.perform(get("/conversations/" + ID).with(agent()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Awa Diop", "Bonjour", "Valider", "Annuler")
                .contains("href=\"https://files.example.com/F-118.pdf\"", "F-118.pdf", "Invoice 118")
                .contains("openstreetmap.org/?mlat=14.69&amp;mlon=-17.44")
                .contains("data-status=\"READ\"", "data-status=\"DELIVERED\"", "data-status=\"FAILED\"")
                .contains("131047", "Send a template: the window is closed.")
                .contains("data-testid=\"composer-text\"", "data-testid=\"send-button\"");
        // oldest first on the page: the customer's greeting comes before the failed reminder
        assertThat(html.indexOf("wamid.hello")).isLessThan(html.indexOf("wamid.failed"));
        services.verify(postRequestedFor(urlEqualTo("/api/conversations/" + API_ID + "/read"))
                .withHeader("Authorization", bearer(AGENT_TOKEN)));
    }

    @Test
    void aReplyQuotesTheCustomersMessageWithTheComposersIdempotencyKey() throws Exception {
        conversationIs(true, 0);
        messagesAre(inboundText(WA_ID, "wamid.question", "Quand livrez-vous ?", NOW));
        services.stubFor(WireMock.get(urlEqualTo("/api/messages/wamid.question"))
                .willReturn(okJson(inboundText(WA_ID, "wamid.question", "Quand livrez-vous ?", NOW))));
        services.stubFor(WireMock.post(urlEqualTo("/api/messages/wamid.question/reply")).willReturn(aResponse()
                .withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"messageId\":\"cmd:staff:k1\",\"conversationId\":\"" + ID + "\",\"status\":\"PENDING\"}")));

        String composer = mvc.perform(get("/conversations/" + ID + "/composer").param("replyTo", "wamid.question")
                .header("HX-Request", "true").with(agent())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(composer).contains("data-testid=\"quoting\"", "Quand livrez-vous ?", "value=\"wamid.question\"");

        mvc.perform(post("/conversations/" + ID + "/messages").with(agent()).with(csrf()).header("HX-Request", "true")
                        .param("text", "Demain matin.").param("replyTo", "wamid.question").param("key", "key-123"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "thread-changed"));

        services.verify(postRequestedFor(urlEqualTo("/api/messages/wamid.question/reply"))
                .withHeader("Idempotency-Key", equalTo("key-123")).withHeader("Authorization", bearer(AGENT_TOKEN))
                .withRequestBody(equalToJson("{\"content\":{\"kind\":\"text\",\"body\":\"Demain matin.\"}}", true, true)));
    }

    @Test
    void aClosedWindowOffersTheApprovedTemplatesWithTheCustomersNameFilledInAndSendsTheChosenOne() throws Exception {
        conversationIs(false, 0);
        messagesAre(inboundText(WA_ID, "wamid.old", "Merci", NOW.minusSeconds(90_000)));
        services.stubFor(WireMock.get(urlPathEqualTo("/api/templates")).withQueryParam("status", equalTo("APPROVED"))
                .willReturn(okJson("[" + template("conversation_reopen", "fr", "UTILITY", "APPROVED",
                        "Bonjour {{1}}, nous avons un message pour vous.") + "]")));
        services.stubFor(WireMock.post(urlEqualTo("/api/messages")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messageId\":\"cmd:staff:k2\",\"conversationId\":\"" + ID + "\",\"status\":\"PENDING\"}")));

        String page = mvc.perform(get("/conversations/" + ID).with(agent())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"window-closed\"", "conversation_reopen").doesNotContain("composer-text");

        String form = mvc.perform(get("/conversations/" + ID + "/composer").param("template", "conversation_reopen:fr")
                .header("HX-Request", "true").with(agent())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("name=\"body.1\"", "value=\"Awa Diop\"");

        mvc.perform(post("/conversations/" + ID + "/template").with(agent()).with(csrf()).header("HX-Request", "true")
                        .param("template", "conversation_reopen:fr").param("body.1", "Awa").param("key", "key-456"))
                .andExpect(status().isOk());
        services.verify(postRequestedFor(urlEqualTo("/api/messages")).withHeader("Idempotency-Key", equalTo("key-456"))
                .withRequestBody(equalToJson("""
                        {"to":"+221770000001","businessPhoneNumberId":"100000000000001",
                         "content":{"kind":"template","name":"conversation_reopen","language":"fr",
                           "components":[{"type":"body","parameters":[{"type":"text","text":"Awa"}]}]}}""", true, true)));
    }

    @Test
    void aRefusalOfTheServiceIsShownWhereAlertsGoWithItsReason() throws Exception {
        conversationIs(true, 0);
        services.stubFor(WireMock.post(urlEqualTo("/api/messages")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not sent\",\"status\":422,\"detail\":\"the customer opted out\",\"reason\":\"OPTED_OUT\"}")));

        String alert = mvc.perform(post("/conversations/" + ID + "/messages").with(agent()).with(csrf())
                        .header("HX-Request", "true").param("text", "Promo").param("key", "k"))
                .andExpect(status().isUnprocessableContent()).andExpect(header().string("HX-Retarget", "#alerts"))
                .andReturn().getResponse().getContentAsString();
        assertThat(alert).contains("the customer opted out", "OPTED_OUT");
    }

    @Test
    void theThreadPollingAnswersNoContentWhileNothingChanged() throws Exception {
        conversationIs(true, 0);
        messagesAre(inboundText(WA_ID, "wamid.a", "Un", NOW));
        String thread = mvc.perform(get("/conversations/" + ID + "/thread").with(agent()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String version = thread.replaceAll("(?s).*?data-version=\"([0-9a-f]+)\".*", "$1");

        mvc.perform(get("/conversations/" + ID + "/thread").param("v", version).param("w", "true").with(agent()))
                .andExpect(status().isNoContent());

        messagesAre(inboundText(WA_ID, "wamid.b", "Deux", NOW.plusSeconds(1)), inboundText(WA_ID, "wamid.a", "Un", NOW));
        String changed = mvc.perform(get("/conversations/" + ID + "/thread").param("v", version).param("w", "true")
                .with(agent())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(changed).contains("Deux").doesNotContain("hx-swap-oob");
    }

    @Test
    void theOpenConversationSaysTheCustomerWaitsForAnAdvisorAndTheNoticeGoesOnceStaffAnswered() throws Exception {
        Instant asked = NOW.minusSeconds(300);
        services.stubFor(WireMock.get(urlEqualTo("/api/conversations/" + API_ID)).willReturn(okJson(
                ApiJson.waitingForStaff(WA_ID, "Awa Diop", asked, "menu: Parler à un conseiller", asked.plusSeconds(3600)))));
        services.stubFor(WireMock.post(urlEqualTo("/api/conversations/" + API_ID + "/read")).willReturn(noContent()));
        messagesAre(inboundText(WA_ID, "wamid.ask", "Parler à un conseiller", asked));

        String page = mvc.perform(get("/conversations/" + ID).with(agent()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"waiting-for-staff\"", "Waiting for an advisor",
                "menu: Parler à un conseiller", "datetime=\"" + asked + "\"", "answer promised by");
        String version = page.replaceAll("(?s).*?id=\"thread\"[^>]*data-version=\"([0-9a-f]+)\".*", "$1");
        mvc.perform(get("/conversations/" + ID + "/thread").param("v", version).param("w", "true").with(agent()))
                .andExpect(status().isNoContent());

        // staff answered (the service records it before its 202): same messages, no longer waiting
        conversationIs(true, 0);
        String thread = mvc.perform(get("/conversations/" + ID + "/thread").param("v", version).param("w", "true")
                        .with(agent()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(thread).contains("Parler à un conseiller").doesNotContain("waiting-for-staff", "Waiting for an advisor");
    }

    @Test
    void anAutomatedMessageNamesItsErpDocumentByTheNumberPeopleKnow() throws Exception {
        conversationIs(true, 0);
        messagesAre(outbound(WA_ID, "wamid.inv", "template", "invoice_ready (fr)", "{\"name\":\"invoice_ready\"}",
                NOW, "DELIVERED", "\"sentBy\":{\"documentType\":\"INVOICE\",\"documentId\":\"account.move/17\","
                        + "\"notificationKind\":\"INVOICE\",\"origin\":\"AUTOMATION\",\"actor\":\"billing-notifier\","
                        + "\"documentNumber\":\"INV/2026/00017\"}"));
        String html = mvc.perform(get("/conversations/" + ID).with(agent()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Invoice INV/2026/00017").doesNotContain("Invoice account.move/17");
    }

    @Test
    void anEmptyMessageIsRefusedBeforeAnyCall() throws Exception {
        conversationIs(true, 0);
        String html = mvc.perform(post("/conversations/" + ID + "/messages").with(agent()).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", "en").param("text", "  ").param("key", "k"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Write a message first.");
        services.verify(0, postRequestedFor(urlPathEqualTo("/api/messages")));
    }
}
