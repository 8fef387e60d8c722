package io.wabiz.console.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.inboundText;
import static io.wabiz.console.ApiJson.outbound;
import static io.wabiz.console.ApiJson.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessagesControllerTest extends ConsoleTest {

    @Test
    void passesEveryFilterToTheApiWithDaysAsTheZonesMidnightsAndListsWhatItAnswers() throws Exception {
        Instant at = Instant.parse("2026-11-20T09:30:00Z");
        services.stubFor(WireMock.get(urlPathEqualTo("/api/messages")).willReturn(okJson(page(1, 50, 51,
                outbound("221770000001", "wamid.tpl", "template", "invoice_available (fr)",
                        "{\"name\":\"invoice_available\",\"language\":\"fr\"}", at, "READ", null)))));

        String html = mvc.perform(get("/messages").with(agent()).param("direction", "OUTBOUND").param("type", "template")
                        .param("status", "READ").param("from", "2026-11-01").param("to", "2026-11-30")
                        .param("contact", "+221 77 000 00 01").param("partnerId", "42").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        services.verify(getRequestedFor(urlPathEqualTo("/api/messages"))
                .withQueryParam("direction", equalTo("OUTBOUND")).withQueryParam("type", equalTo("template"))
                .withQueryParam("status", equalTo("READ"))
                .withQueryParam("from", equalTo("2026-11-01T00:00:00Z")) // Africa/Dakar is UTC all year
                .withQueryParam("to", equalTo("2026-12-01T00:00:00Z"))
                .withQueryParam("contact", equalTo("+221 77 000 00 01")).withQueryParam("partnerId", equalTo("42"))
                .withQueryParam("page", equalTo("1")).withQueryParam("size", equalTo("50"))
                .withHeader("Authorization", bearer(AGENT_TOKEN)));
        assertThat(html).contains("data-message-id=\"wamid.tpl\"", "invoice_available (fr)", "data-total=\"51\"")
                .contains("Page 2");
    }

    @Test
    void aCustomersMessageOffersReplyAndNoFilterMeansNoneIsSent() throws Exception {
        services.stubFor(WireMock.get(urlPathEqualTo("/api/messages")).willReturn(okJson(page(0, 50, 1,
                inboundText("221770000009", "wamid.in", "Avez-vous reçu mon paiement ?", Instant.now())))));

        String html = mvc.perform(get("/messages").with(agent())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("Avez-vous reçu mon paiement ?",
                "href=\"/conversations/100000000000001:221770000009?replyTo=wamid.in#composer\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/messages")).withoutQueryParam("direction")
                .withoutQueryParam("type").withoutQueryParam("from").withoutQueryParam("contact"));
    }
}
