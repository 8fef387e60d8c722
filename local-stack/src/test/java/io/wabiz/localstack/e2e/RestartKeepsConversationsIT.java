package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.localstack.RunningStack;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stopping every process and starting the stack again on the same data loses no conversation. Runs last. */
@Order(Integer.MAX_VALUE)
class RestartKeepsConversationsIT {

    private static final Duration FLOW = Duration.ofSeconds(45);

    @Test
    void stoppingAndRestartingTheStackLosesNoConversation() {
        RunningStack stack = PlatformStack.get();
        SimulatorApi simulator = SimulatorApi.of(stack);
        StaffApi staff = StaffApi.of(stack);
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Khady Sow");
        String question = simulator.customerWrites(waId, "Je voudrais le détail de la facture.");
        await().atMost(FLOW).until(() -> staff.message(waId, question).isPresent());
        staff.reply(question, new OutboundContent.Text("Voici le détail de la facture INV/2026/0077.", false)).expect(202);
        String reply = await().atMost(FLOW).until(() -> staff.messages(waId).stream()
                        .filter(m -> m.path("status").asString().equalsIgnoreCase("READ")).findFirst(),
                Optional::isPresent).orElseThrow().path("wamid").asString();

        RunningStack restarted = PlatformStack.restart();
        SimulatorApi simulatorAfter = SimulatorApi.of(restarted);
        StaffApi staffAfter = StaffApi.of(restarted);

        assertThat(staffAfter.message(waId, question)).isPresent();
        assertThat(staffAfter.message(waId, reply)).hasValueSatisfying(
                message -> assertThat(message.path("status").asString()).isEqualToIgnoringCase("READ"));
        assertThat(simulatorAfter.chat(waId)).extracting(m -> m.path("wamid").asString()).contains(question, reply);

        // and the platform works on after the restart
        String afterRestart = simulatorAfter.customerWrites(waId, "Merci, bien reçu.");
        JsonNode stored = await().atMost(FLOW).until(() -> staffAfter.message(waId, afterRestart), Optional::isPresent)
                .orElseThrow();
        assertThat(stored.toString()).contains("Merci, bien reçu.");
    }
}
