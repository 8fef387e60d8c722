package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.localstack.RunningStack;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer and a staff member talk through the whole platform: simulator, ingress, Kafka, history, sender. */
class CustomerConversationIT {

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
    void customersMessageReachesTheConversationHistory() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Fatou Sall");

        String wamid = simulator.customerWrites(waId, "Bonjour, où en est ma commande S00042 ?");

        await().atMost(FLOW).untilAsserted(() -> assertThat(staff.message(waId, wamid)).hasValueSatisfying(message -> {
            assertThat(message.path("direction").asString()).isEqualToIgnoringCase("INBOUND");
            assertThat(message.toString()).contains("Bonjour, où en est ma commande S00042 ?");
        }));
    }

    @Test
    void staffReplyReachesTheCustomersChatAndShowsReadInTheHistory() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Moussa Ba");
        String question = simulator.customerWrites(waId, "Avez-vous reçu mon paiement ?");
        await().atMost(FLOW).until(() -> staff.message(waId, question).isPresent());

        JsonHttp.Answer accepted = staff.reply(question, new OutboundContent.Text("Oui, merci : facture INV/2026/0042 réglée.", false));
        assertThat(accepted.status()).as(accepted.text()).isBetween(200, 202);

        JsonNode onPhone = await().atMost(FLOW).until(
                () -> simulator.businessMessage(waId, m -> m.path("text").asString().contains("INV/2026/0042")),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(onPhone.path("contextWamid").asString()).isEqualTo(question);
        String replyWamid = onPhone.path("wamid").asString();

        await().atMost(FLOW).untilAsserted(() -> assertThat(staff.message(waId, replyWamid)).hasValueSatisfying(
                message -> assertThat(message.path("status").asString()).isEqualToIgnoringCase("READ")));
    }
}
