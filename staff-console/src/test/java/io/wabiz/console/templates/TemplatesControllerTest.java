package io.wabiz.console.templates;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import org.junit.jupiter.api.Test;

class TemplatesControllerTest extends ConsoleTest {

    @Test
    void listsTheSyncedTemplatesWithStatusCategoryLanguageAndParameterCount() throws Exception {
        services.stubFor(WireMock.get(urlPathEqualTo("/api/templates")).willReturn(okJson("[" + String.join(",",
                template("order_created", "fr", "UTILITY", "APPROVED", "Bonjour {{1}}, commande {{2}} de {{3}}."),
                template("promo_new_catalogue", "fr", "MARKETING", "PENDING", "Bonjour {{1}}, nouveau catalogue.")) + "]")));

        String html = mvc.perform(get("/templates").param("category", "UTILITY").with(agent())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-name=\"order_created\"", "data-status=\"PENDING\"", "MARKETING")
                .doesNotContain("data-testid=\"sync-now\""); // agents do not sync
        assertThat(html.replaceAll("\\s+", " ")).contains("data-label=\"Paramètres\">3<");
        services.verify(getRequestedFor(urlPathEqualTo("/api/templates")).withQueryParam("category", equalTo("UTILITY")));
    }

    @Test
    void anAdminSyncsNowThroughTheSendersApiAndAnAgentIsRefused() throws Exception {
        services.stubFor(WireMock.get(urlPathEqualTo("/api/templates")).willReturn(okJson("[]")));
        services.stubFor(WireMock.post(urlEqualTo("/templates/sync"))
                .willReturn(okJson("[{\"wabaId\":\"200000000000001\",\"templates\":7}]")));

        mvc.perform(post("/templates/sync").with(agent()).with(csrf())).andExpect(status().isForbidden());
        services.verify(0, postRequestedFor(urlEqualTo("/templates/sync")));

        mvc.perform(post("/templates/sync").with(admin()).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("syncReports"));
        services.verify(postRequestedFor(urlEqualTo("/templates/sync")).withHeader("Authorization", bearer(ADMIN_TOKEN)));
        String html = mvc.perform(get("/templates").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-testid=\"sync-now\"");
    }
}
