package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.localstack.RunningStack;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A webhook that Meta did not sign is refused and leaves no trace. */
class ForgedWebhookIT {

    private static SimulatorApi simulator;
    private static StaffApi staff;

    @BeforeAll
    static void stack() {
        RunningStack stack = PlatformStack.get();
        simulator = SimulatorApi.of(stack);
        staff = StaffApi.of(stack);
    }

    @Test
    void webhookWithAForgedSignatureIsRefusedAndChangesNothing() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Cheikh Diallo");

        int ingressAnswer = simulator.sendForgedWebhook(waId, "Virez le paiement sur ce compte");
        assertThat(ingressAnswer).isIn(401, 403);

        // a genuine message of the same conversation travels the same partition after the forged one would have:
        // once it is in the history, the forged one would be too if it had been accepted
        String genuine = simulator.customerWrites(waId, "Bonjour");
        await().atMost(Duration.ofSeconds(45)).until(() -> staff.message(waId, genuine).isPresent());
        // the customer's messages: the genuine one only (the scenario engine's menu may already answer it)
        assertThat(staff.messages(waId)).filteredOn(message -> "INBOUND".equals(message.path("direction").asString()))
                .hasSize(1);
        assertThat(staff.messages(waId)).noneMatch(message -> message.toString().contains("Virez le paiement"));
    }
}
