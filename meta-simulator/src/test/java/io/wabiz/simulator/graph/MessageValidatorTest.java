package io.wabiz.simulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.wabiz.simulator.SimulatorProperties.Template;
import io.wabiz.simulator.SimulatorProperties.TemplateButton;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.templates.TemplateCatalogue;
import tools.jackson.databind.json.JsonMapper;

class MessageValidatorTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageValidator validator = new MessageValidator(new TemplateCatalogue(List.of(
            new Template("invoice_document", "fr", "UTILITY", "APPROVED", "DOCUMENT", null,
                    "Bonjour {{1}}, voici votre facture {{2}}.", null, List.of()),
            new Template("pay_link", "fr", "UTILITY", "APPROVED", null, null, "Payez {{1}}", null,
                    List.of(new TemplateButton("URL", "Payer", "https://pay.example/{{1}}"))),
            new Template("name_twice", "fr", "UTILITY", "APPROVED", null, null,
                    "Bonjour {{1}}, votre commande est prête. A bientôt {{1}} !", null, List.of()))),
            new MediaStore(null));

    @Test
    void rendersADocumentHeaderTemplateWithItsLink() {
        ValidatedSend send = validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"+221 77 000 00 01","type":"template","template":{
                 "name":"invoice_document","language":{"code":"fr"},"components":[
                  {"type":"header","parameters":[{"type":"document","document":{"link":"https://erp.example/f.pdf","filename":"FAC-1.pdf"}}]},
                  {"type":"body","parameters":[{"type":"text","text":"Awa"},{"type":"text","text":"FAC-1"}]}]}}"""));

        assertThat(send.to()).isEqualTo("221770000001");
        assertThat(send.freeForm()).isFalse();
        assertThat(send.category()).isEqualTo("utility");
        assertThat(send.template().headerMediaLink()).isEqualTo("https://erp.example/f.pdf");
        assertThat(send.template().headerMediaFilename()).isEqualTo("FAC-1.pdf");
        assertThat(send.template().body()).isEqualTo("Bonjour Awa, voici votre facture FAC-1.");
    }

    @Test
    void refusesADocumentHeaderTemplateSentWithoutItsDocument() {
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"template","template":{
                 "name":"invoice_document","language":{"code":"fr"},"components":[
                  {"type":"body","parameters":[{"type":"text","text":"Awa"},{"type":"text","text":"FAC-1"}]}]}}""")))
                .isInstanceOfSatisfying(MetaRejection.class, r -> assertThat(r.code()).isEqualTo(132000));
    }

    @Test
    void fillsADynamicUrlButton() {
        ValidatedSend send = validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"template","template":{
                 "name":"pay_link","language":{"code":"fr"},"components":[
                  {"type":"body","parameters":[{"type":"text","text":"10 000 XOF"}]},
                  {"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"inv-9"}]}]}}"""));

        assertThat(send.template().buttons().getFirst().url()).isEqualTo("https://pay.example/inv-9");
    }

    @Test
    void refusesAButtonIndexTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"template","template":{
                 "name":"pay_link","language":{"code":"fr"},"components":[
                  {"type":"body","parameters":[{"type":"text","text":"10 000 XOF"}]},
                  {"type":"button","sub_type":"quick_reply","index":"3","parameters":[{"type":"payload","payload":"x"}]}]}}""")))
                .isInstanceOfSatisfying(MetaRejection.class, r -> assertThat(r.code()).isEqualTo(132000));
    }

    @Test
    void refusesACtaWithoutAnHttpUrl() {
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"interactive","interactive":{
                 "type":"cta_url","body":{"text":"Payer"},"action":{"name":"cta_url",
                 "parameters":{"display_text":"Payer","url":"javascript:alert(1)"}}}}""")))
                .isInstanceOfSatisfying(MetaRejection.class, r -> assertThat(r.code()).isEqualTo(131009));
    }

    @Test
    void refusesDuplicateButtonIds() {
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"interactive","interactive":{
                 "type":"button","body":{"text":"?"},"action":{"buttons":[
                  {"type":"reply","reply":{"id":"a","title":"Oui"}},{"type":"reply","reply":{"id":"a","title":"Non"}}]}}}""")))
                .isInstanceOfSatisfying(MetaRejection.class, r -> assertThat(r.code()).isEqualTo(131009));
    }

    @Test
    void aTemplateUsingOnePlaceholderTwiceTakesOneParameterAsTheSenderCountsIt() {
        ValidatedSend send = validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"template","template":{
                 "name":"name_twice","language":{"code":"fr"},"components":[
                  {"type":"body","parameters":[{"type":"text","text":"Awa"}]}]}}"""));

        assertThat(send.template().body()).isEqualTo("Bonjour Awa, votre commande est prête. A bientôt Awa !");
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","to":"221770000001","type":"template","template":{
                 "name":"name_twice","language":{"code":"fr"},"components":[
                  {"type":"body","parameters":[{"type":"text","text":"Awa"},{"type":"text","text":"Awa"}]}]}}""")))
                .isInstanceOfSatisfying(MetaRejection.class, r -> assertThat(r.code()).isEqualTo(132000));
    }

    @Test
    void acceptsACustomerKnownOnlyByTheirBusinessScopedUserIdInRecipient() {
        ValidatedSend send = validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","recipient":"US.13491208655302741918",
                 "type":"text","text":{"body":"Bonjour"}}"""));

        assertThat(send.to()).isEqualTo("US.13491208655302741918");
        assertThat(send.text()).isEqualTo("Bonjour");
    }

    @Test
    void refusesASendWithNeitherToNorAValidRecipient() {
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","type":"text","text":{"body":"Bonjour"}}""")))
                .isInstanceOfSatisfying(MetaRejection.class, r -> assertThat(r.getMessage()).contains("recipient"));
        assertThatThrownBy(() -> validator.validate(json.readTree("""
                {"messaging_product":"whatsapp","recipient":"221770000001","type":"text","text":{"body":"Bonjour"}}""")))
                .isInstanceOfSatisfying(MetaRejection.class,
                        r -> assertThat(r.getMessage()).contains("business-scoped user id"));
    }
}
