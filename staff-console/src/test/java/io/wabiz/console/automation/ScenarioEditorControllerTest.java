package io.wabiz.console.automation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import org.junit.jupiter.api.Test;

class ScenarioEditorControllerTest extends ConsoleTest {

    private static final String MENU = "{\"id\":\"menu\",\"body\":{\"fr\":\"Que voulez-vous ?\"}}";

    @Test
    void anInvalidDefinitionIsNotSavedAndTheEnginesProblemsAreShown() throws Exception {
        services.stubFor(WireMock.post(urlEqualTo("/api/admin/scenarios/validate")).willReturn(okJson(
                "{\"problems\":[\"buttons: at most 3, got 4\"],\"warnings\":[]}")));
        services.stubFor(WireMock.get(urlEqualTo("/api/admin/scenarios/menu/versions")).willReturn(okJson("[]")));

        String html = mvc.perform(post("/automation/scenarios/save").with(admin()).with(csrf()).param("id", "menu")
                        .param("version", "2").param("json", MENU))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("buttons: at most 3, got 4", "data-valid=\"false\"");
        services.verify(0, putRequestedFor(urlPathEqualTo("/api/admin/scenarios/menu")));
    }

    @Test
    void aValidDefinitionIsSavedAsANewVersionOverTheVersionItWasEditedFrom() throws Exception {
        services.stubFor(WireMock.post(urlEqualTo("/api/admin/scenarios/validate"))
                .willReturn(okJson("{\"problems\":[],\"warnings\":[\"no English text\"]}")));
        services.stubFor(WireMock.put(urlPathEqualTo("/api/admin/scenarios/menu")).willReturn(okJson(
                "{\"id\":\"menu\",\"version\":3,\"enabled\":true,\"definition\":" + MENU + ",\"warnings\":[\"no English text\"]}")));

        mvc.perform(post("/automation/scenarios/save").with(admin()).with(csrf()).param("id", "menu")
                        .param("version", "2").param("json", MENU).param("comment", "shorter text"))
                .andExpect(redirectedUrl("/automation/scenarios/menu"));

        services.verify(putRequestedFor(urlPathEqualTo("/api/admin/scenarios/menu")).withHeader("If-Match", equalTo("2"))
                .withQueryParam("comment", equalTo("shorter text")).withHeader("Authorization", bearer(ADMIN_TOKEN))
                .withRequestBody(equalToJson(MENU)));
    }

    @Test
    void someoneElsesNewerVersionIsReportedInsteadOfOverwritten() throws Exception {
        services.stubFor(WireMock.post(urlEqualTo("/api/admin/actions/validate"))
                .willReturn(okJson("{\"problems\":[],\"warnings\":[]}")));
        services.stubFor(WireMock.put(urlPathEqualTo("/api/admin/actions/order-buttons")).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"version 5 was saved meanwhile\"}")));
        services.stubFor(WireMock.get(urlEqualTo("/api/admin/actions/order-buttons/versions")).willReturn(okJson("[]")));

        String html = mvc.perform(post("/automation/actions/save").with(admin()).with(csrf()).param("id", "order-buttons")
                        .param("version", "4").param("json", "{\"id\":\"order-buttons\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("version 5 was saved meanwhile", "{&quot;id&quot;:&quot;order-buttons&quot;}");
    }

    @Test
    void theDryRunShowsWhatATapWouldDoAndAnAgentIsRefused() throws Exception {
        services.stubFor(WireMock.post(urlEqualTo("/api/admin/dry-run")).willReturn(okJson("""
                {"action":"confirm_order","outcome":"ACTED","detail":"order 42 would be confirmed",
                 "records":[{"topic":"whatsapp.erp.commands","type":"ConfirmSalesOrder"}]}""")));

        String html = mvc.perform(post("/automation/dry-run").with(admin()).with(csrf())
                        .param("businessPhoneNumberId", "100000000000001").param("customer", "+221 77 000 00 01")
                        .param("buttonId", "order:42:confirm:v3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("confirm_order", "ACTED", "order 42 would be confirmed", "whatsapp.erp.commands");
        services.verify(postRequestedFor(urlEqualTo("/api/admin/dry-run")).withRequestBody(equalToJson(
                "{\"businessPhoneNumberId\":\"100000000000001\",\"customerWaId\":\"221770000001\",\"buttonId\":\"order:42:confirm:v3\"}",
                true, true)));
        mvc.perform(get("/automation/scenarios").with(agent())).andExpect(status().isForbidden());
    }
}
