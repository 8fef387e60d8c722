package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabiz.events.EventJson;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.MarkMessageRead;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.ListRow;
import io.wabiz.events.outbound.OutboundContent.ListSection;
import io.wabiz.events.outbound.OutboundContent.ReplyButton;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.sender.templates.TemplateScheduler;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Each content type reaches Meta as exactly the JSON Meta documents (checked-in bodies under bodies/). */
class MessageBodiesContractTest extends SenderIntegrationTest {

    @Autowired
    TemplateScheduler templates;

    static Stream<Arguments> contents() {
        return Stream.of(
                Arguments.of("text", "221770000101", new OutboundContent.Text(
                        "Votre commande SO042 est prête : https://shop.example.com/so/42", true),
                        "body-text", "wamid.CUSTOMER-QUESTION"),
                Arguments.of("reply_buttons", "221770000102", new OutboundContent.ReplyButtons("Commande SO042",
                        "Voulez-vous valider la commande SO042 (150 000 F CFA) ?", "Wabiz Distribution", List.of(
                        new ReplyButton("so:42:validate", "Valider"), new ReplyButton("so:42:cancel", "Annuler"),
                        new ReplyButton("so:42:details", "Détails"))), "body-reply-buttons", null),
                Arguments.of("list", "221770000103", new OutboundContent.ListMessage("Menu",
                        "Que voulez-vous faire ?", null, "Choisir", List.of(
                        new ListSection("Factures", List.of(
                                new ListRow("inv:open", "Factures ouvertes", "Les factures qui restent à payer"),
                                new ListRow("inv:all", "Toutes les factures", null))),
                        new ListSection("Commandes", List.of(new ListRow("so:last", "Dernière commande", null))))),
                        "body-list", null),
                Arguments.of("cta_url", "221770000104", new OutboundContent.CtaUrl(null,
                        "Payez la facture INV/2026/0042 en ligne.", "Wave", "Payer", "https://pay.example.com/i/42"),
                        "body-cta-url", null),
                Arguments.of("document_link", "221770000105", new OutboundContent.Document(
                        "https://files.example.com/invoices/INV-2026-0042.pdf", null, "INV-2026-0042.pdf",
                        "Votre facture INV/2026/0042"), "body-document-link", null),
                Arguments.of("document_media", "221770000106", new OutboundContent.Document(null,
                        "985569392615996", "catalogue.pdf", null), "body-document-media", null),
                Arguments.of("image_link", "221770000107", new OutboundContent.Image(
                        "https://files.example.com/products/42.jpg", null, "Le produit 42"), "body-image-link", null),
                Arguments.of("image_media", "221770000108", new OutboundContent.Image(null, "985569392615996", null),
                        "body-image-media", null),
                Arguments.of("template", "221770000109", invoiceReminder(), "body-template", null),
                // a customer known by a username only: Meta's "recipient" instead of "to"
                Arguments.of("text_to_business_scoped_user", "US.13491208655302741918",
                        new OutboundContent.Text("Bonjour, votre commande SO042 est prête.", false),
                        "body-text-bsuid", null));
    }

    static OutboundContent.Template invoiceReminder() {
        return new OutboundContent.Template("invoice_reminder", "fr", List.of(
                new TemplateComponent("header", null, null, List.of(TemplateParameter.document(
                        "https://files.example.com/invoices/INV-2026-0042.pdf", "INV-2026-0042.pdf"))),
                new TemplateComponent("body", null, null, List.of(TemplateParameter.text("Awa Diop"),
                        new TemplateParameter("currency", null, null, null, null, null, "XOF", 150_000_000L,
                                "150 000 F CFA"))),
                new TemplateComponent("button", "quick_reply", 0, List.of(TemplateParameter.payload("inv:42:pay")))));
    }

    /** Stubs Meta's template list (two pages) and syncs, so template commands pass the check. */
    static void metaHasTemplates(TemplateScheduler templates) {
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/message_templates"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(MetaGraphApiStub.okJson(MetaGraphApiStub.resource("meta/templates-page1.json")
                        .replace("{{BASE}}", MetaGraphApiStub.baseUrl()))));
        MetaGraphApiStub.server().stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/message_templates"))
                .withQueryParam("after", equalTo("MjQZD"))
                .willReturn(MetaGraphApiStub.okJson(MetaGraphApiStub.resource("meta/templates-page2.json"))));
        assertThat(templates.syncAll()).allSatisfy(report -> assertThat(report.problem()).isNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contents")
    void sendsEachContentTypeAsTheJsonMetaDocuments(String name, String customer, OutboundContent content,
                                                    String key, String replyTo) throws Exception {
        metaHasTemplates(templates);
        if (content.isFreeForm()) {
            customerWrites(NUMBER, customer);
        }
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), Instant.now(), NUMBER, customer,
                content, null, key, null, replyTo);
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            kafka.publish(command);

            MessageAccepted accepted = outcomes.awaitEvent(MessageAccepted.class,
                    a -> a.idempotencyKey().equals(key));
            assertThat(accepted.wamid()).isEqualTo("wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww");
            assertThat(accepted.form()).isEqualTo(content.isFreeForm() ? SendForm.FREE_FORM : SendForm.TEMPLATE);
            assertThat(accepted.content()).isEqualTo(content);
            assertThat(accepted.commandId()).isEqualTo(command.id());
        }
        List<LoggedRequest> sent = MetaGraphApiStub.sendsWithKey(key);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Authorization")).isEqualTo("Bearer test-token-not-a-secret-1");
        assertThat(EventJson.mapper().readTree(sent.getFirst().getBodyAsString()))
                .isEqualTo(EventJson.mapper().readTree(MetaGraphApiStub.resource("bodies/" + name + ".json")));
    }

    @Test
    void marksAMessageReadWithTheTypingIndicator() throws Exception {
        kafka.publish(new MarkMessageRead(UUID.randomUUID().toString(), Instant.now(), NUMBER,
                "wamid.TO-MARK-READ", true));

        List<LoggedRequest> requests = await().atMost(Duration.ofSeconds(20)).until(
                () -> MetaGraphApiStub.server().findAll(postRequestedFor(urlPathMatching("/v23\\.0/" + NUMBER
                        + "/messages")).withRequestBody(matchingJsonPath("$.message_id",
                        equalTo("wamid.TO-MARK-READ")))), list -> !list.isEmpty());
        assertThat(EventJson.mapper().readTree(requests.getFirst().getBodyAsString()))
                .isEqualTo(EventJson.mapper().readTree(MetaGraphApiStub.resource("bodies/mark_read.json")));
    }

}
