package io.wabiz.simulator.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.wabiz.events.outbound.TemplatePlaceholders;
import io.wabiz.simulator.SimulatorProperties.Template;
import tools.jackson.databind.json.JsonMapper;

class ShippedTemplatesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void knowsThePlatformsTemplatesAsApprovedAndRendersTheirQuickReplyPayloads() {
        Template created = ShippedTemplates.load(json).stream()
                .filter(t -> t.name().equals("sales_order_created") && t.language().equals("fr")).findFirst()
                .orElseThrow();
        assertThat(created.status()).isEqualTo("APPROVED");
        assertThat(TemplatePlaceholders.count(created.body())).isEqualTo(5);
        assertThat(created.buttons()).extracting(b -> b.text()).containsExactly("Valider", "Annuler", "Détails");

        RenderedTemplate rendered = TemplateCatalogue.render(created, List.of(), null, null,
                List.of("Awa Diop", "S00042", "3 mars 2026", "125 000 F CFA", "Moussa Ndiaye"),
                Map.of(0, "order:42:confirm:v3", 2, "order:42:details:v3"), Map.of());
        assertThat(rendered.body()).startsWith("Bonjour Awa Diop, votre commande S00042 du 3 mars 2026");
        assertThat(rendered.buttons()).extracting(RenderedTemplate.Button::payload)
                .containsExactly("order:42:confirm:v3", "Annuler", "order:42:details:v3");
    }

    @Test
    void theConfigurationWinsOverAShippedTemplateOfTheSameNameAndLanguage() {
        Template own = new Template("sales_order_created", "fr", "UTILITY", "PAUSED", null, null, "Bonjour {{1}}",
                null, List.of());
        List<Template> all = ShippedTemplates.withShipped(List.of(own), json);
        assertThat(all).filteredOn(t -> t.name().equals("sales_order_created") && t.language().equals("fr"))
                .singleElement().extracting(Template::status).isEqualTo("PAUSED");
        assertThat(all).anyMatch(t -> t.name().equals("sales_order_created") && t.language().equals("en"));
    }
}
