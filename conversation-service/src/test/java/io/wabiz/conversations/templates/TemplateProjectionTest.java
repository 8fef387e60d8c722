package io.wabiz.conversations.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.conversations.ServiceTest;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.TemplateSynced;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplateProjectionTest extends ServiceTest {

    @Test
    void syncedTemplatesAreListedWithTheirLatestStatusAndATombstoneRemovesThem() {
        String name = "invoice_ready_" + UUID.randomUUID().toString().substring(0, 8);
        Instant synced = Instant.now();
        List<TemplateSynced.Component> body = List.of(new TemplateSynced.Component("BODY", null,
                "Bonjour {{1}}, votre facture {{2}} est prête.", List.of()));
        kafka.publish(template(name, "PENDING", synced, body));
        kafka.publish(template(name, "APPROVED", synced.plusSeconds(60), body));
        kafka.publish(template(name, "PENDING", synced.plusSeconds(30), body)); // late: older than APPROVED

        await().untilAsserted(() -> {
            JsonNode listed = get("/api/templates?name=" + name, AGENT).body();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("status").asString()).isEqualTo("APPROVED");
        });
        assertThat(get("/api/templates?status=approved&language=fr", AGENT).body().findValuesAsString("name"))
                .contains(name);
        assertThat(get("/api/templates?name=" + name, AGENT).body().get(0).get("components").get(0).get("text")
                .asString()).contains("{{2}}");

        kafka.publishRaw(Topics.TEMPLATES, TemplateSynced.keyOf(name, "fr"), null, List.of());
        await().untilAsserted(() -> assertThat(get("/api/templates?name=" + name, AGENT).body()).isEmpty());
    }

    private static TemplateSynced template(String name, String status, Instant at,
                                           List<TemplateSynced.Component> components) {
        return new TemplateSynced(UUID.randomUUID().toString(), at, "200000000000001", "tpl-" + name, name, "fr",
                "UTILITY", status, null, components);
    }
}
