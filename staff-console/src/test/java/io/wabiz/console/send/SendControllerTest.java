package io.wabiz.console.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendControllerTest extends ConsoleTest {

    @BeforeEach
    void templates() {
        services.stubFor(WireMock.get(urlPathEqualTo("/api/templates")).willReturn(okJson("[" + template(
                "invoice_available", "fr", "UTILITY", "APPROVED", "Bonjour {{1}}, votre facture {{2}} est disponible.") + "]")));
    }

    @Test
    void sendsATextToANumberWithTheChosenFallbackTemplate() throws Exception {
        services.stubFor(WireMock.post(urlEqualTo("/api/messages")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messageId\":\"cmd:staff:s1\",\"conversationId\":\"100000000000001:221770000002\",\"status\":\"PENDING\",\"replayed\":false}")));

        String html = mvc.perform(post("/send").with(agent()).with(csrf()).param("to", "+221 77 000 00 02")
                        .param("mode", "text").param("text", "Votre facture est prête.").param("template", "invoice_available:fr")
                        .param("body.1", "Moussa").param("body.2", "F-7").param("key", "send-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-testid=\"send-accepted\"", "/conversations/100000000000001:221770000002");
        services.verify(postRequestedFor(urlEqualTo("/api/messages")).withHeader("Idempotency-Key", equalTo("send-key"))
                .withRequestBody(equalToJson("""
                        {"to":"+221 77 000 00 02","content":{"kind":"text","body":"Votre facture est prête."},
                         "fallbackTemplate":{"kind":"template","name":"invoice_available","language":"fr",
                           "components":[{"type":"body","parameters":[{"type":"text","text":"Moussa"},{"type":"text","text":"F-7"}]}]}}
                        """, true, true)));
    }

    @Test
    void theBulkWizardShowsWhoWillNotBeReachedBeforeSendingThenSendsUnderOneBatchKey() throws Exception {
        services.stubFor(WireMock.post(urlEqualTo("/api/bulk-sends/preview")).willReturn(okJson("""
                {"requested":3,"reachable":["42"],"unreachable":[
                  {"partnerId":"43","reason":"OPTED_OUT","explanation":"the customer opted out"},
                  {"partnerId":"44","reason":"NO_PHONE","explanation":"the partner has no valid phone number"}]}""")));
        services.stubFor(WireMock.post(urlEqualTo("/api/bulk-sends")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"requested":3,"sent":[{"partnerId":"42","messageId":"cmd:staff:b:42"}],"unreachable":[
                          {"partnerId":"43","reason":"OPTED_OUT","explanation":"the customer opted out"},
                          {"partnerId":"44","reason":"NO_PHONE","explanation":"the partner has no valid phone number"}]}""")));

        String preview = mvc.perform(post("/send/bulk/preview").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("partnerIds", "42, 43\n44").param("mode", "text").param("text", "Nos bureaux ferment à 16 h.")
                        .param("key", "batch-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("1 of 3 partners will be reached", "data-reason=\"OPTED_OUT\"",
                "data-reason=\"NO_PHONE\"", "the customer opted out", "Send to 1 partners");
        services.verify(0, postRequestedFor(urlEqualTo("/api/bulk-sends")));
        services.verify(postRequestedFor(urlEqualTo("/api/bulk-sends/preview")).withHeader("Authorization", bearer(ADMIN_TOKEN))
                .withRequestBody(equalToJson("{\"partnerIds\":[\"42\",\"43\",\"44\"],\"content\":{\"kind\":\"text\"}}", true, true)));

        String report = mvc.perform(post("/send/bulk").with(admin()).with(csrf()).header("Accept-Language", "en")
                        .param("partnerIds", "42, 43\n44").param("mode", "text").param("text", "Nos bureaux ferment à 16 h.")
                        .param("key", "batch-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Sent to 1 of 3 partners.");
        services.verify(postRequestedFor(urlEqualTo("/api/bulk-sends")).withHeader("Idempotency-Key", equalTo("batch-1")));
    }

    @Test
    void anAgentIsNotOfferedTheBulkWizard() throws Exception {
        mvc.perform(get("/send/bulk").with(agent())).andExpect(status().isForbidden());
        mvc.perform(post("/send/bulk").with(agent()).with(csrf()).param("partnerIds", "42").param("text", "x"))
                .andExpect(status().isForbidden());
        services.verify(0, postRequestedFor(urlPathEqualTo("/api/bulk-sends")));
        String inbox = mvc.perform(get("/send").with(agent())).andReturn().getResponse().getContentAsString();
        assertThat(inbox).doesNotContain("data-testid=\"nav-admin\"");
    }
}
