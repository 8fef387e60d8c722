package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.sender.MetaGraphApiStub.okJson;
import static io.wabiz.sender.MetaGraphApiStub.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.EventJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operators' endpoints, called over real HTTP with an administrator's token. */
class AccountsEndpointsTest extends SenderIntegrationTest {

    private static final Map<String, String> AS_ADMIN = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);

    private HttpResponse<String> diagnose(String number) {
        return http.call("GET", "/accounts/" + number + "/diagnostics", null, AS_ADMIN);
    }

    private static void metaKnowsTheWaba(String subscribedApps) {
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + WABA))
                .willReturn(okJson("{\"id\": \"" + WABA + "\", \"name\": \"Wabiz Distribution\"}")));
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps"))
                .willReturn(okJson(subscribedApps)));
    }

    @Test
    void diagnosticsReportTheNumberAsMetaDescribesIt() throws Exception {
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + NUMBER))
                .withQueryParam("fields", containing("quality_rating"))
                .withHeader("Authorization", equalTo("Bearer test-token-not-a-secret-1"))
                .willReturn(okJson(resource("meta/phone-phoneNumber.json"))));
        metaKnowsTheWaba("{\"data\": [{\"whatsapp_business_api_data\": {\"id\": \"1\", \"name\": \"wabiz\"}}]}");

        HttpResponse<String> response = diagnose(NUMBER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode diagnosis = EventJson.mapper().readTree(response.body());
        assertThat(diagnosis.path("healthy").asBoolean()).isTrue();
        assertThat(diagnosis.path("displayPhoneNumber").asString()).isEqualTo("11111111111");
        assertThat(diagnosis.path("verifiedName").asString()).isEqualTo("Test Number");
        assertThat(diagnosis.path("qualityRating").asString()).isEqualTo("GREEN");
        assertThat(diagnosis.path("problems")).isEmpty();
        assertThat(response.body()).doesNotContain("test-token-not-a-secret");
    }

    @Test
    void diagnosticsExplainAnUnknownPhoneNumberId() throws Exception {
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + NUMBER)).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(resource("meta/phone-phoneNumberNotFoundError.json"))));
        metaKnowsTheWaba("{\"data\": []}");

        JsonNode diagnosis = EventJson.mapper().readTree(diagnose(NUMBER).body());

        assertThat(diagnosis.path("healthy").asBoolean()).isFalse();
        assertThat(diagnosis.path("problems").toString())
                .contains("phone-number-id")
                .contains("No app is subscribed to WABA " + WABA + "'s webhooks");
    }

    @Test
    void diagnosticsOfAnExpiredTokenSayHowToReplaceIt() throws Exception {
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + NUMBER)).willReturn(
                MetaGraphApiStub.metaError(401, 190, "Error validating access token")));

        JsonNode diagnosis = EventJson.mapper().readTree(diagnose(NUMBER).body());

        assertThat(diagnosis.path("problems").toString()).contains("SENDER_ACCOUNTS_<n>_ACCESS_TOKEN");
    }

    @Test
    void unknownNumberIsAProblemDetail() throws Exception {
        HttpResponse<String> response = diagnose("999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body()).contains("No business number 999 is configured");
    }

    @Test
    void uploadsMediaToMetaAndReturnsItsId() throws Exception {
        MetaGraphApiStub.server().stubFor(post(urlPathEqualTo("/v23.0/" + NUMBER + "/media"))
                .willReturn(okJson(resource("meta/uploadResponse.json"))));
        String boundary = "test-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"invoice.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--" + boundary
                + "--\r\n";

        HttpResponse<String> response = http.call("POST", "/accounts/" + NUMBER + "/media",
                multipart.getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN,
                        "Content-Type", "multipart/form-data; boundary=" + boundary));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(response.body()).path("mediaId").asString())
                .isEqualTo("985569392615996");
        MetaGraphApiStub.server().verify(postRequestedFor(urlPathEqualTo("/v23.0/" + NUMBER + "/media"))
                .withRequestBody(containing("name=\"messaging_product\""))
                .withRequestBody(containing("whatsapp"))
                .withRequestBody(containing("%PDF-1.4 test")));
    }
}
