package io.wabiz.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run in {@code ./mvnw verify}: the whole stack, about a minute of workload with the fixed seed and
 * one fault of each family (Odoo behind a dead proxy, Meta stalling past the sender's timeout, the broker
 * paused, two services killed), then every invariant computed from the simulators' state.
 */
class ChaosShortIT {

    @Test
    void underOneFaultOfEachFamilyNothingIsLostAndNothingHappensTwice() {
        Path root = Path.of(System.getProperty("wabiz.root", "../..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("chaos.data-dir", "target/chaos-short")).toAbsolutePath().normalize();
        ChaosRun.Outcome outcome = new ChaosRun(ChaosSettings.shortRun(root, data),
                message -> System.out.println("[chaos-it] " + message)).run();
        String table = ChaosReport.table(outcome);
        System.out.println(table);

        assertThat(outcome.settled()).as("the system settled (nothing changed for the quiet period) before the"
                + " invariants were computed\n" + table).isTrue();
        assertThat(outcome.faults()).as("every planned fault was injected\n" + table)
                .hasSize(outcome.plan().faults().size())
                .allSatisfy(fault -> assertThat(fault.outcome()).doesNotStartWith("FAILED"));
        assertThat(outcome.workload()).as("the workload reached every step\n" + table)
                .containsKeys("orders created", "taps confirm", "invoices posted");
        assertThat(outcome.invariants()).as(table).allSatisfy(result -> assertThat(result.violations()).isEmpty());
    }
}
