package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.Template;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.localstack.RunningStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Free-form messages to a customer whose 24-hour window is closed (here: who never wrote). */
class ClosedWindowIT {

    private static final Duration FLOW = Duration.ofSeconds(45);

    private static SimulatorApi simulator;
    private static StaffApi staff;

    @BeforeAll
    static void stack() {
        RunningStack stack = PlatformStack.get();
        simulator = SimulatorApi.of(stack);
        staff = StaffApi.of(stack);
    }

    @Test
    void freeFormMessageToACustomerWhoseWindowIsClosedIsSentAsItsFallbackTemplate() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Aminata Ndiaye");
        Template reopen = new Template("conversation_reopen", "fr", List.of(
                new TemplateComponent("body", null, null, List.of(TemplateParameter.text("Aminata")))));

        JsonHttp.Answer accepted = staff.send(waId, new OutboundContent.Text("Votre commande est prête.", false), reopen);
        assertThat(accepted.status()).as(accepted.text()).isBetween(200, 202);

        JsonNode onPhone = await().atMost(FLOW).until(() -> simulator.businessMessage(waId, m -> true),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(onPhone.path("type").asString()).isEqualTo("template");
        assertThat(onPhone.path("template").path("name").asString()).isEqualTo("conversation_reopen");
        assertThat(onPhone.path("template").path("body").asString())
                .isEqualTo("Bonjour Aminata, nous avons un message pour vous. Répondez pour poursuivre la conversation.");
        assertThat(simulator.chat(waId)).noneMatch(m -> m.toString().contains("Votre commande est prête."));
        String wamid = onPhone.path("wamid").asString();
        await().atMost(FLOW).untilAsserted(() -> assertThat(staff.message(waId, wamid)).hasValueSatisfying(message -> {
            assertThat(message.path("sendForm").asString()).isEqualTo("FALLBACK_TEMPLATE");
            assertThat(message.path("status").asString()).isIn("SENT", "DELIVERED", "READ");
        }));
    }

    @Test
    void freeFormMessageWithoutFallbackToAClosedWindowIsRefusedWithTheExplanationAndNothingIsSent() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Ibrahima Fall");

        JsonHttp.Answer answer = staff.send(waId, new OutboundContent.Text("Bonjour, une question ?", false), null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.body().path("reason").asString()).isEqualTo("WINDOW_CLOSED_WITHOUT_TEMPLATE");
        assertThat(answer.body().path("detail").asString())
                .isEqualTo("the 24-hour window is closed and the message has no template to fall back on");
        assertThat(staff.messages(waId)).isEmpty();
        assertThat(simulator.chat(waId)).noneMatch(m -> "BUSINESS".equals(m.path("direction").asString()));
    }

    @Test
    void freeFormMessageThatMetaRejectsForAClosedWindowShowsFailedWithTheHelpTextInTheHistory() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Mariama Diouf");
        String question = simulator.customerWrites(waId, "Bonjour");
        await().atMost(FLOW).until(() -> staff.message(waId, question).isPresent());
        // Meta's clock says the window closed (the platform still counts it open): Meta refuses with 131047
        simulator.expireWindow(waId);

        JsonHttp.Answer accepted = staff.reply(question, new OutboundContent.Text("Votre devis est prêt.", false));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);

        await().atMost(FLOW).untilAsserted(() -> assertThat(staff.messages(waId)).anySatisfy(message -> {
            assertThat(message.path("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(message.path("status").asString()).isEqualTo("FAILED");
            assertThat(message.path("error").path("code").asInt()).isEqualTo(131047);
            assertThat(message.path("error").path("help").asString()).isNotBlank();
        }));
        // the scenario engine's menu answers "Bonjour" while the window is open; the refused reply never arrives
        assertThat(simulator.chat(waId)).noneMatch(m -> "BUSINESS".equals(m.path("direction").asString())
                && m.toString().contains("Votre devis est prêt."));
    }
}
