package io.wabiz.localstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The links a customer opens and the calls between the notifier and the payment stand-in follow the ports the stack
 * actually gives the services (the e2e suite's free ports), not the defaults written in the services' local profiles.
 */
class StackServiceTest {

    /** Every service 10,000 ports above its default, as a stack on free ports would have them. */
    private static final StackService.Wiring MOVED = new StackService.Wiring() {
        @Override
        public int port(StackService service) {
            return service.defaultPort() + 10_000;
        }

        @Override
        public String kafkaBootstrapServers() {
            return "localhost:39092";
        }

        @Override
        public String mongoUri(String database) {
            return "mongodb://localhost:37027/" + database;
        }

        @Override
        public String dataDirectory(String name) {
            return "/tmp/stack/" + name;
        }
    };

    @Test
    void payLinksAndDocumentLinksPointAtTheNotifierOnItsActualPortAndItPaysThroughTheSimulatorOnItsOwn() {
        assertThat(StackService.BILLING_NOTIFIER.environment(MOVED))
                .containsEntry("SERVER_PORT", "18084")
                .containsEntry("NOTIFIER_INVOICES_PUBLICBASEURL", "http://localhost:18084")
                .containsEntry("NOTIFIER_INVOICES_PAYMENTS_WAVE_BASEURL", "http://localhost:18090/wave");
    }

    @Test
    void theProvidersPaidWebhookReachesTheNotifierOnItsActualPort() {
        assertThat(StackService.META_SIMULATOR.environment(MOVED))
                .containsEntry("SIMULATOR_PAYMENTS_WEBHOOKURL", "http://localhost:18084/payments/callbacks/wave")
                .containsEntry("SIMULATOR_WEBHOOK_URL", "http://localhost:18081/webhook");
    }

    @Test
    void remindersCarryPaymentLinksOfTheNotifierOnItsActualPort() {
        assertThat(StackService.REMINDER_SCHEDULER.environment(MOVED))
                .containsEntry("REMINDERS_LINKS_PUBLICBASEURL", "http://localhost:18084");
    }

    @Test
    void theConsoleCallsTheNotifierAndTheRemindersOnTheirActualPorts() {
        assertThat(StackService.STAFF_CONSOLE.environment(MOVED))
                .containsEntry("CONSOLE_SERVICES_CONVERSATIONS", "http://localhost:18083")
                .containsEntry("CONSOLE_SERVICES_NOTIFIER", "http://localhost:18084")
                .containsEntry("CONSOLE_SERVICES_REMINDERS", "http://localhost:18086");
    }
}
