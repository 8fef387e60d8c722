package io.wabiz.console.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.console.api.ConversationsApi.Template;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.TemplateSynced;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateFormsTest {

    private static Template template(TemplateSynced.Component... components) {
        return new Template("invoice_document:fr", "waba", "t1", "invoice_document", "fr", "UTILITY", "APPROVED", null,
                List.of(components), null);
    }

    @Test
    void asksForEachPlaceholderOnceWithTheCustomersNameInTheFirst() {
        Template reminder = template(new TemplateSynced.Component("BODY", null,
                "Bonjour {{1}}, la facture {{2}} de {{3}} est échue. {{2}} reste à payer.", List.of()));

        TemplateForms.TemplateForm form = TemplateForms.form(reminder, "Awa Diop", Map.of());

        assertThat(form.fields()).extracting(TemplateForms.Field::name).containsExactly("body.1", "body.2", "body.3");
        assertThat(form.fields().getFirst().value()).isEqualTo("Awa Diop");
        assertThat(TemplateForms.preview(reminder, Map.of("body.2", "F-9"))).contains("la facture F-9 de {{3}}");
    }

    @Test
    void buildsADocumentHeaderAndTheBodyParametersInOrder() {
        Template withDocument = template(new TemplateSynced.Component("HEADER", "DOCUMENT", null, List.of()),
                new TemplateSynced.Component("BODY", null, "Bonjour {{1}}, voici votre facture {{2}}.", List.of()));

        OutboundContent.Template built = TemplateForms.build(withDocument, Map.of("header.link", "https://x.test/F.pdf",
                "header.filename", "F.pdf", "body.1", "Awa", "body.2", "F-118"));

        assertThat(built.components()).hasSize(2);
        assertThat(built.components().get(0).parameters().getFirst().link()).isEqualTo("https://x.test/F.pdf");
        assertThat(built.components().get(0).parameters().getFirst().filename()).isEqualTo("F.pdf");
        assertThat(built.components().get(1).parameters()).extracting(OutboundContent.TemplateParameter::text)
                .containsExactly("Awa", "F-118");
    }

    @Test
    void refusesAnEmptyParameter() {
        Template one = template(new TemplateSynced.Component("BODY", null, "Bonjour {{1}}", List.of()));
        assertThatThrownBy(() -> TemplateForms.build(one, Map.of("body.1", "  ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
