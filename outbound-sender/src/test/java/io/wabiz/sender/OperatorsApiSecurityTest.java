package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.EventJson;
import io.wabiz.sender.accounts.AccountRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The operators' API (numbers, diagnostics, pauses, media upload, template sync) under the platform's one scheme:
 * an administrator's bearer token or nothing; health, Prometheus and the API's OpenAPI document open; no other
 * actuator endpoint reachable.
 */
class OperatorsApiSecurityTest extends SenderIntegrationTest {

    private static final String BOUNDARY = "test-boundary";
    private static final byte[] MULTIPART = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"invoice.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--" + BOUNDARY
            + "--\r\n").getBytes(StandardCharsets.UTF_8);

    @Autowired
    private AccountRegistry accounts;

    /** Every endpoint of the operators' API, as {method, path}. */
    static List<List<String>> operatorEndpoints() {
        return List.of(List.of("GET", "/accounts"),
                List.of("GET", "/accounts/" + NUMBER + "/diagnostics"),
                List.of("POST", "/accounts/" + NUMBER + "/resume"),
                List.of("POST", "/accounts/" + NUMBER + "/media"),
                List.of("POST", "/templates/sync"),
                List.of("GET", "/templates"));
    }

    private HttpResponse<String> call(List<String> endpoint, String token) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        boolean upload = endpoint.get(1).endsWith("/media");
        if (upload) {
            headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        }
        return http.call(endpoint.get(0), endpoint.get(1), upload ? MULTIPART : null, headers);
    }

    @ParameterizedTest
    @MethodSource("operatorEndpoints")
    void refusesACallWithoutATokenWith401AndAsksForABearerToken(List<String> endpoint) {
        HttpResponse<String> answer = call(endpoint, null);

        assertThat(answer.statusCode()).as("%s without a token", endpoint).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(metaCallsOtherThanSends()).as("nothing reached Meta on behalf of %s", endpoint).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("operatorEndpoints")
    void refusesATokenNobodyIssuedWith401(List<String> endpoint) {
        assertThat(call(endpoint, ADMIN_TOKEN + "-guessed").statusCode()).isEqualTo(401);
        assertThat(metaCallsOtherThanSends()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("operatorEndpoints")
    void refusesAnAgentWith403(List<String> endpoint) {
        HttpResponse<String> answer = call(endpoint, AGENT_TOKEN);

        assertThat(answer.statusCode()).as("%s as an agent", endpoint).isEqualTo(403);
        assertThat(answer.body()).contains("your role does not allow this operation");
        assertThat(metaCallsOtherThanSends()).isEmpty();
    }

    @Test
    void onlyAnAdministratorResumesAPausedNumber() {
        accounts.pause(TOKEN_NUMBER, 190, "Error validating access token");
        try {
            List<String> resume = List.of("POST", "/accounts/" + TOKEN_NUMBER + "/resume");
            assertThat(call(resume, null).statusCode()).isEqualTo(401);
            assertThat(call(resume, AGENT_TOKEN).statusCode()).isEqualTo(403);
            assertThat(accounts.pauseOf(TOKEN_NUMBER)).as("still paused after the refused calls").isPresent();

            assertThat(call(resume, ADMIN_TOKEN).statusCode()).isEqualTo(204);
            assertThat(accounts.pauseOf(TOKEN_NUMBER)).isEmpty();
        } finally {
            accounts.resume(TOKEN_NUMBER);
        }
    }

    @Test
    void anAdministratorListsTheNumbersWithoutTheirTokens() {
        HttpResponse<String> answer = call(List.of("GET", "/accounts"), ADMIN_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(NUMBER, TOKEN_NUMBER, RATE_NUMBER).doesNotContain("test-token-not-a-secret");
    }

    @Test
    void healthAndPrometheusStayOpenAndNoOtherActuatorEndpointAnswersEvenAnAdministrator() {
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);

        for (String hidden : List.of("/actuator", "/actuator/env", "/actuator/metrics", "/actuator/beans",
                "/actuator/configprops", "/internal/anything")) {
            assertThat(http.call("GET", hidden, null, Map.of()).statusCode()).as("%s without a token", hidden)
                    .isEqualTo(401);
            assertThat(call(List.of("GET", hidden), ADMIN_TOKEN).statusCode()).as("%s as an admin", hidden)
                    .isIn(403, 404);
        }
    }

    @Test
    void theOpenApiDocumentIsOpenAndDescribesTheBearerSchemeAndTheRefusalsOfEveryOperation() {
        HttpResponse<String> answer = http.get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode document = EventJson.mapper().readTree(answer.body());

        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.path("security").toString()).contains("bearer");
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            operations.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            assertThat(operation.getValue().path("responses").has("401")).as("%s documents 401", path.getKey()).isTrue();
            assertThat(operation.getValue().path("responses").has("403")).as("%s documents 403", path.getKey()).isTrue();
        }));
        assertThat(operations).containsExactlyInAnyOrderElementsOf(operatorEndpoints().stream()
                .map(e -> e.get(0) + " " + e.get(1).replace(NUMBER, "{phoneNumberId}")).toList());
        JsonNode upload = document.path("paths").path("/accounts/{phoneNumberId}/media").path("post").path("responses");
        assertThat(upload.has("404") && upload.has("502") && upload.has("504")).as(upload.toString()).isTrue();
        assertThat(http.get("/swagger-ui/index.html").statusCode()).as("Swagger UI, open").isEqualTo(200);
    }

    /** Diagnostics, uploads and template reads that reached WireMock since the test began (sends excluded). */
    private static List<?> metaCallsOtherThanSends() {
        return MetaGraphApiStub.server().findAll(anyRequestedFor(urlPathMatching("/v23\\.0/(?!\\d+/messages$).*")));
    }
}
