package io.wabiz.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateFitTest {

    private static final TemplateSynced.Component BODY = new TemplateSynced.Component("BODY", null,
            "Bonjour {{1}}, votre facture {{2}} de {{3}} XOF ({{1}})", List.of());
    private static final TemplateSynced.Component DOCUMENT_HEADER = new TemplateSynced.Component("HEADER",
            "DOCUMENT", null, List.of());

    @Test
    void anApprovedTemplateGivenItsDistinctParametersFits() {
        assertThat(TemplateFit.of(template("APPROVED", BODY), send(0, 3))).isEmpty();
        assertThat(TemplateFit.of(template("APPROVED", DOCUMENT_HEADER, BODY), send(1, 3))).isEmpty();
    }

    @Test
    void aTemplateNotApprovedDoesNotFitAndSaysItsState() {
        assertThat(TemplateFit.of(template("REJECTED", BODY), send(0, 3))).hasValueSatisfying(misfit -> {
            assertThat(misfit).isEqualTo(new TemplateFit.NotApproved("invoice_ready:fr", "REJECTED", "INVALID_FORMAT"));
            assertThat(misfit.explanation()).isEqualTo("template invoice_ready:fr is REJECTED (INVALID_FORMAT), not APPROVED");
        });
    }

    @Test
    void aWrongNumberOfParametersDoesNotFit() {
        assertThat(TemplateFit.of(template("APPROVED", BODY), send(0, 4)))
                .contains(new TemplateFit.WrongParameterCount("invoice_ready:fr", "body", 3, 4));
        assertThat(TemplateFit.of(template("APPROVED", DOCUMENT_HEADER, BODY), send(0, 3)))
                .contains(new TemplateFit.WrongParameterCount("invoice_ready:fr", "header", 1, 0));
    }

    private static TemplateSynced template(String status, TemplateSynced.Component... components) {
        return new TemplateSynced("t", Instant.EPOCH, "waba", "1", "invoice_ready", "fr", "UTILITY", status,
                "REJECTED".equals(status) ? "INVALID_FORMAT" : null, List.of(components));
    }

    private static OutboundContent.Template send(int header, int body) {
        return new OutboundContent.Template("invoice_ready", "fr", List.of(component("header", header),
                component("body", body)));
    }

    private static OutboundContent.TemplateComponent component(String type, int parameters) {
        return new OutboundContent.TemplateComponent(type, null, null, java.util.stream.IntStream.range(0, parameters)
                .mapToObj(i -> new OutboundContent.TemplateParameter("text", "p" + i, null, null, null, null, null,
                        null, null)).toList());
    }
}
