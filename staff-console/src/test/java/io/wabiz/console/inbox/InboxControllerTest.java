package io.wabiz.console.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.conversation;
import static io.wabiz.console.ApiJson.page;
import static io.wabiz.console.ApiJson.waitingForStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.wabiz.console.ConsoleTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class InboxControllerTest extends ConsoleTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void showsConversationsWithUnreadCountLastMessageAndWindowStateAsTheSignedInAgent() throws Exception {
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .willReturn(okJson(page(0, 30, 2,
                        conversation("221770000001", "Awa Diop SARL", 2, NOW, NOW.plusSeconds(3600), true, "Bonjour"),
                        conversation("221770000002", null, 0, NOW.minusSeconds(90_000), NOW.minusSeconds(3600), false,
                                "Merci")))));

        String html = mvc.perform(get("/").with(agent())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("Awa Diop SARL", "Bonjour", "data-unread=\"2\"", "Profil 221770000002", "Merci")
                .contains("window-open").contains("window-closed")
                .contains("href=\"/conversations/100000000000001:221770000001\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations"))
                .withHeader("Authorization", bearer(AGENT_TOKEN)));
    }

    @Test
    void searchesByPhoneWhenDigitsAreTypedAndByNameOtherwise() throws Exception {
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .willReturn(okJson(page(0, 30, 0))));

        mvc.perform(get("/").param("q", "+221 77 000 00 01").param("unread", "true").with(agent()))
                .andExpect(status().isOk());
        mvc.perform(get("/").param("q", "Diop").with(agent())).andExpect(status().isOk());

        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations"))
                .withQueryParam("phone", equalTo("+221 77 000 00 01")).withQueryParam("unread", equalTo("true")));
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations")).withQueryParam("q", equalTo("Diop")));
    }

    @Test
    void anOrderOrInvoiceNumberInTheSearchBoxIsSearchedAsTextNotAsAPhoneNumber() throws Exception {
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .withQueryParam("q", equalTo("INV/2026/00017"))
                .willReturn(okJson(page(0, 30, 1,
                        conversation("221770000006", "Ndiaye SARL", 0, NOW, NOW.plusSeconds(60), true, "Merci")))));
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .withQueryParam("q", equalTo("S00042")).willReturn(okJson(page(0, 30, 0))));

        String found = mvc.perform(get("/").param("q", " INV/2026/00017 ").with(agent()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/").param("q", "S00042").with(agent())).andExpect(status().isOk());

        assertThat(found).contains("Ndiaye SARL", "value=\"INV/2026/00017\"", "order or invoice number");
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations")).withQueryParam("q", equalTo("INV/2026/00017"))
                .withoutQueryParam("phone"));
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations")).withQueryParam("q", equalTo("S00042"))
                .withoutQueryParam("phone"));
    }

    @Test
    void marksCustomersWaitingForAnAdvisorInWordsAndTheWaitingTabAsksForTheStaffQueue() throws Exception {
        Instant asked = NOW.minusSeconds(600);
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .willReturn(okJson(page(0, 30, 2,
                        waitingForStaff("221770000004", "Fatou Sow", asked, "menu: Parler à un conseiller",
                                asked.plusSeconds(3600)),
                        conversation("221770000005", "Ibrahima Fall", 0, NOW, NOW.plusSeconds(60), true, "Ok")))));

        String all = mvc.perform(get("/").with(agent()).header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String waitingRow = all.substring(all.indexOf("Fatou Sow"), all.indexOf("Ibrahima Fall"));
        assertThat(waitingRow).contains("data-testid=\"waiting-for-staff\"", "Waiting for an advisor",
                "menu: Parler à un conseiller", "datetime=\"" + asked + "\"", "answer promised by");
        assertThat(all.substring(all.indexOf("Ibrahima Fall"))).doesNotContain("waiting-for-staff");
        assertThat(all).containsPattern("href=\"/\\?[^\"]*waiting=true\" data-testid=\"tab-waiting\"").contains("Waiting for staff");
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations")).withoutQueryParam("waitingForStaff"));

        String queue = mvc.perform(get("/").param("waiting", "true").param("q", "Sow").with(agent())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("data-testid=\"tab-waiting\" aria-current=\"page\"")
                .contains("name=\"waiting\" value=\"true\"").contains("waiting=true&amp;page=0");
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations"))
                .withQueryParam("waitingForStaff", equalTo("true")).withQueryParam("q", equalTo("Sow")));
    }

    @Test
    void pollingAnswersNoContentUntilSomethingChangesThenTheNewList() throws Exception {
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .willReturn(okJson(page(0, 30, 1,
                        conversation("221770000003", "Moussa Ba", 0, NOW, NOW.plusSeconds(60), true, "Salut")))));
        String first = mvc.perform(get("/inbox/list").with(agent())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String version = first.replaceAll("(?s).*data-version=\"([0-9a-f]+)\".*", "$1");

        mvc.perform(get("/inbox/list").param("v", version).with(agent())).andExpect(status().isNoContent());

        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .willReturn(okJson(page(0, 30, 1, conversation("221770000003", "Moussa Ba", 1, NOW.plusSeconds(5),
                        NOW.plusSeconds(86_400), true, "Nouvelle question")))));
        String changed = mvc.perform(get("/inbox/list").param("v", version).with(agent())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(changed).contains("Nouvelle question", "data-unread=\"1\"").doesNotContain("<html");
    }

    @Test
    void nobodySignedInIsSentToTheSignInPageAndAPollingRequestIsToldToGoThere() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/inbox/list").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/signin"));
    }

    @Test
    void anUnreachableServiceIsSaidPlainly() throws Exception {
        services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/conversations"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        String html = mvc.perform(get("/").with(agent()).header("Accept-Language", "en"))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("cannot be reached");
    }
}
