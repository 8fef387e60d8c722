package io.wabiz.conversations.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.testsupport.TestHttp.Answer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class SecurityAndProblemsTest extends ServiceTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void callsWithoutAValidTokenAreUnauthorizedWithAProblemBody() {
        for (String token : new String[] {null, "not-a-known-token"}) {
            Answer answer = get("/api/conversations", token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(answer.body().get("status").asInt()).isEqualTo(401);
            assertThat(answer.body().get("detail").asString()).contains("bearer token");
        }
        assertThat(post("/api/messages", null, Map.of("to", "+221771234567")).status()).isEqualTo(401);
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        Answer viewer = get("/api/conversations", VIEWER);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.body().get("title").asString()).isEqualTo("Forbidden");

        assertThat(get("/api/conversations", AGENT).status()).isEqualTo(200);
        assertThat(get("/api/templates", AGENT).status()).isEqualTo(200);
        assertThat(call("PUT", "/api/contacts/221770000001/opt-out", AGENT, null, Map.of()).status()).isEqualTo(403);
        assertThat(call("DELETE", "/api/contacts/221770000001/opt-out", AGENT, null, Map.of()).status()).isEqualTo(403);
        assertThat(post("/api/bulk-sends", AGENT, Map.of()).status()).isEqualTo(403);

        assertThat(get("/api/conversations", ADMIN).status()).isEqualTo(200);
        JsonNode optedOut = call("PUT", "/api/contacts/221770000001/opt-out", ADMIN, null, Map.of()).body();
        assertThat(optedOut.get("optedOut").asBoolean()).isTrue();
        assertThat(optedOut.get("optOutChangedBy").asString()).isEqualTo("test-admin");
        assertThat(call("DELETE", "/api/contacts/+221770000001/opt-out", ADMIN, null, Map.of()).body()
                .get("optedOut").asBoolean()).isFalse();
    }

    @Test
    void healthMetricsAndTheApiDocumentNeedNoToken() {
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Answer prometheus = call("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain"));
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw().body()).contains("conversations_messages_stored_total", "conversations_duplicates_ignored_total",
                "conversations_statuses_out_of_order_total").doesNotContain("test-admin-token");
        assertThat(get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithAProblemThatSaysWhatIsWrong() {
        Answer tooLong = post("/api/messages", AGENT, Map.of("to", "+221771234567",
                "content", Map.of("kind", "text", "body", "x".repeat(5000))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.body().get("detail").asString())
                .contains("text body has 5000 characters; WhatsApp allows at most 4096");

        Answer fourButtons = post("/api/messages", AGENT, Map.of("to", "+221771234567", "content", Map.of(
                "kind", "reply_buttons", "body", "Choisissez", "buttons", java.util.List.of(
                        Map.of("id", "a", "title", "A"), Map.of("id", "b", "title", "B"),
                        Map.of("id", "c", "title", "C"), Map.of("id", "d", "title", "D")))));
        assertThat(fourButtons.status()).isEqualTo(400);
        assertThat(fourButtons.body().get("detail").asString()).contains("reply buttons has 4 entries");

        Answer noContent = post("/api/messages", AGENT, Map.of("to", "+221771234567"));
        assertThat(noContent.status()).isEqualTo(400);
        assertThat(noContent.body().get("errors").get(0).get("field").asString()).isEqualTo("content");

        Answer both = post("/api/messages", AGENT, Map.of("to", "+221771234567", "partnerId", "p1",
                "content", Map.of("kind", "text", "body", "Bonjour")));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("detail").asString()).contains("exactly one of 'to'");

        Answer badPhone = post("/api/messages", AGENT, Map.of("to", "12",
                "content", Map.of("kind", "text", "body", "Bonjour")));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().get("detail").asString()).contains("not a valid phone number");

        assertThat(post("/api/messages", AGENT, "{not json").status()).isEqualTo(400);
        Answer badEnum = get("/api/messages?direction=SIDEWAYS", AGENT);
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body().get("detail").asString()).contains("direction");
        Answer hugePage = get("/api/messages?size=100000", AGENT);
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(hugePage.body().get("detail").asString()).contains("size must be at most 200");
        assertThat(get("/api/messages?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", AGENT).status())
                .isEqualTo(400);
        assertThat(get("/api/messages/wamid.unknown", AGENT).status()).isEqualTo(404);
        assertThat(post("/api/messages/wamid.unknown/reply", AGENT,
                Map.of("content", Map.of("kind", "text", "body", "Bonjour"))).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentListsEveryStaffEndpoint() {
        JsonNode paths = get("/v3/api-docs", null).body().get("paths");
        Set<String> documented = new HashSet<>();
        paths.properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> served = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> served.add(m.name() + " " + p))));
        assertThat(served).hasSizeGreaterThanOrEqualTo(12);
        assertThat(documented).containsAll(served);
    }
}
