package io.wabiz.console.automation;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import org.junit.jupiter.api.Test;

class AutomationControllerTest extends ConsoleTest {

    @Test
    void anAdminSeesAPausedNumberChecksItsSettingsAndResumesIt() throws Exception {
        services.stubFor(WireMock.get(urlEqualTo("/accounts")).willReturn(okJson("""
                [{"phoneNumberId":"100000000000001","wabaId":"200000000000001","apiVersion":"v23.0","messagesPerSecond":80,
                  "pause":{"errorCode":190,"reason":"the access token expired","since":"2026-11-30T08:00:00Z"}}]""")));
        services.stubFor(WireMock.get(urlEqualTo("/accounts/100000000000001/diagnostics")).willReturn(okJson("""
                {"phoneNumberId":"100000000000001","healthy":false,"verifiedName":"Wabiz Local","qualityRating":"GREEN",
                 "problems":["The access token is invalid (190): create a new system user token."]}""")));
        services.stubFor(WireMock.post(urlEqualTo("/accounts/100000000000001/resume")).willReturn(noContent()));
        services.stubFor(WireMock.get(urlPathEqualTo("/api/notifications")).willReturn(okJson("""
                {"items":[{"key":"order_created:sales_order:42:v3","kind":"ORDER_CREATED","documentType":"SALES_ORDER",
                  "documentId":"42","partnerId":"7","state":"SKIPPED","skipped":{"reason":"opted_out",
                  "explanation":"the customer opted out of WhatsApp messages"},"createdAt":"2026-11-30T09:00:00Z"}],
                 "page":0,"size":30,"totalElements":1}""")));

        String page = mvc.perform(get("/automation").with(admin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("100000000000001", "the access token expired", "/automation/accounts/100000000000001/resume")
                .contains("ORDER_CREATED", "the customer opted out of WhatsApp messages", "/automation/scenarios");

        String diagnosis = mvc.perform(get("/automation/accounts/100000000000001/diagnostics").with(admin())
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(diagnosis).contains("create a new system user token", "GREEN");

        mvc.perform(post("/automation/accounts/100000000000001/resume").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        services.verify(postRequestedFor(urlEqualTo("/accounts/100000000000001/resume"))
                .withHeader("Authorization", bearer(ADMIN_TOKEN)));
    }

    @Test
    void anAgentIsNotOfferedTheAutomationScreens() throws Exception {
        mvc.perform(get("/automation").with(agent())).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/denied"));
        mvc.perform(post("/automation/accounts/100000000000001/resume").with(agent()).with(csrf()))
                .andExpect(status().isForbidden());
        services.verify(0, postRequestedFor(urlEqualTo("/accounts/100000000000001/resume")));
    }
}
