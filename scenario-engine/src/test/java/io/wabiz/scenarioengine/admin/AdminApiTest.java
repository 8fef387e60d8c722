package io.wabiz.scenarioengine.admin;

import static io.wabiz.scenarioengine.Records.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.scenarioengine.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API over HTTP, with the platform's security. */
class AdminApiTest extends ServiceTest {

    private static String scenario(String id, String body, String keyword, String next) {
        return """
                {"id": "%s", "message": {"form": "BUTTONS", "body": {"fr": "%s", "en": "%s"}},
                 "keywords": {"fr": ["%s"]},
                 "options": [{"id": "yes", "title": {"fr": "Oui", "en": "Yes"}, "reply": {"fr": "Merci", "en": "Thanks"}%s}]}
                """.formatted(id, body, body, keyword, next == null ? "" : ", \"next\": \"" + next + "\"");
    }

    @Test
    void savingAReplyOverWhatsAppsLimitsIsRefusedWithTheReasonAndNothingIsSaved() {
        String id = "too-long-" + System.nanoTime();
        Answer refused = post("/api/admin/scenarios", ADMIN, scenario(id, "x".repeat(1100), "kw" + System.nanoTime(),
                null));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("problems").toString()).contains("1024");
        assertThat(get("/api/admin/scenarios/" + id, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void savingANextScenarioThatDoesNotExistIsRefused() {
        String id = "dangling-" + System.nanoTime();
        Answer refused = post("/api/admin/scenarios", ADMIN, scenario(id, "Bonjour", "kw" + System.nanoTime(),
                "nowhere"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("problems").toString()).contains("'nowhere' does not exist");
        assertThat(get("/api/admin/scenarios/" + id, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aLoopWithNoExitIsRefused() {
        String id = "loop-" + System.nanoTime();
        Answer refused = post("/api/admin/scenarios", ADMIN, scenario(id, "Encore ?", "kw" + System.nanoTime(), id));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("problems").toString()).contains("loop with no exit");
        assertThat(get("/api/admin/scenarios/" + id, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void createVersionDisableAndAuditAScenarioThenItsKeywordWorks() {
        String id = "promo-" + System.nanoTime();
        String keyword = "promo" + System.nanoTime();
        Answer created = post("/api/admin/scenarios", ADMIN, scenario(id, "Notre promo du mois", keyword, null));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("version").asInt()).isEqualTo(1);

        Answer updated = call("PUT", "/api/admin/scenarios/" + id, ADMIN,
                scenario(id, "Notre promo de la semaine", keyword, null), Map.of("If-Match", "1"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("version").asInt()).isEqualTo(2);
        Answer stale = call("PUT", "/api/admin/scenarios/" + id, ADMIN,
                scenario(id, "Encore une autre", keyword, null), Map.of("If-Match", "1"));
        assertThat(stale.status()).isEqualTo(409);

        String wamid = newWamid();
        kafka.publish(text(newCustomer(), wamid, keyword.toUpperCase()));
        SendMessage sent = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.ReplyButtons) sent.content()).body()).isEqualTo("Notre promo de la semaine");

        assertThat(post("/api/admin/scenarios/" + id + "/disable", ADMIN, null).body().get("enabled").asBoolean())
                .isFalse();
        Answer audit = get("/api/admin/audit?kind=scenarios&id=" + id, ADMIN);
        assertThat(audit.body()).extracting(n -> n.get("operation").asString())
                .containsExactly("DISABLE", "NEW_VERSION", "CREATE");
        assertThat(audit.body().get(0).get("user").asString()).isEqualTo("test-admin");
        assertThat(get("/api/admin/scenarios/" + id + "/versions", ADMIN).body().size()).isEqualTo(2);
    }

    @Test
    void dryRunShowsTheActionAndMessagesWithoutPublishing() {
        String waId = newCustomer();
        Answer dry = post("/api/admin/dry-run", ADMIN, Map.of("businessPhoneNumberId", BUSINESS_NUMBER,
                "customerWaId", waId, "text", "Menu"));
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().get("action").asString()).isEqualTo("keyword:menu");
        assertThat(dry.body().get("records").get(0).get("topic").asString()).isEqualTo("whatsapp.outbound.commands");
        assertThat(dry.body().get("records").get(0).get("record").get("content").get("kind").asString())
                .isEqualTo("list");
        assertNone(SendMessage.class, m -> waId.equals(m.recipientWaId()), java.time.Duration.ofSeconds(1));
    }

    @Test
    void adminApiNeedsAnAdminToken() {
        assertThat(get("/api/admin/scenarios", null).status()).isEqualTo(401);
        assertThat(get("/api/admin/scenarios", AGENT).status()).isEqualTo(403);
        assertThat(get("/api/admin/scenarios", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void defaultBindingsAreListed() {
        Answer actions = get("/api/admin/actions", ADMIN);
        assertThat(actions.body()).extracting(n -> n.get("id").asString())
                .contains("order-confirm", "order-cancel", "order-details", "invoice-details", "invoice-pay");
    }
}
