package io.wabiz.console.costs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.outbound;
import static io.wabiz.console.ApiJson.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CostsControllerTest extends ConsoleTest {

    @Test
    void estimatesMetasChargesFromThePricingCategoriesAndTheRateCardPerCountryAndCustomer() throws Exception {
        Instant day = Instant.parse("2026-11-10T10:00:00Z");
        String marketing = outbound("221770000001", "w1", "template", "promo", "{}", day, "READ", "\"pricingCategory\":\"marketing\"");
        String utility = outbound("221770000001", "w2", "template", "facture", "{}", day.plusSeconds(60), "DELIVERED", "\"pricingCategory\":\"utility\"");
        String service = outbound("33612345678", "w3", "text", "merci", "{}", day.plusSeconds(3600), "READ", "\"pricingCategory\":\"service\"");
        String pending = outbound("33612345678", "w4", "text", "…", "{}", day.plusSeconds(7200), "PENDING", null);
        services.stubFor(WireMock.get(urlPathEqualTo("/api/messages")).withQueryParam("page", equalTo("0"))
                .willReturn(okJson(page(0, 200, 4, marketing, utility, service, pending))));

        String html = mvc.perform(get("/costs").param("from", "2026-11-09").param("to", "2026-11-11").with(agent())
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // default rate card: marketing 0.0225 + utility 0.0040; service and unpriced cost nothing
        assertThat(html).contains("0.0265 USD", "4 business messages", ">SN<", ">FR<", "cat-marketing", "<rect");
        services.verify(getRequestedFor(urlPathEqualTo("/api/messages")).withQueryParam("direction", equalTo("OUTBOUND"))
                .withQueryParam("from", equalTo("2026-11-09T00:00:00Z")).withQueryParam("to", equalTo("2026-11-12T00:00:00Z")));
    }
}
