package io.wabiz.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final Duration STALL = Duration.ofSeconds(9);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOrder() {
        FaultPlan plan = FaultPlan.seeded(42, Duration.ofMinutes(5), false, STALL);

        assertThat(FaultPlan.seeded(42, Duration.ofMinutes(5), false, STALL)).isEqualTo(plan);
        assertThat(FaultPlan.seeded(43, Duration.ofMinutes(5), false, STALL).faults()).isNotEqualTo(plan.faults());
    }

    @Test
    void theFullPlanKillsEveryPlatformServiceInTurnAndHasEveryFaultFamilyWithinTheWorkload() {
        Duration workload = Duration.ofMinutes(5);
        List<FaultPlan.Fault> faults = FaultPlan.seeded(ChaosSettings.DEFAULT_SEED, workload, false, STALL).faults();

        assertThat(faults).filteredOn(f -> f.kind() == FaultPlan.Kind.KILL).extracting(FaultPlan.Fault::target)
                .containsExactlyInAnyOrderElementsOf(FaultPlan.PLATFORM.stream().map(s -> s.module()).toList());
        assertThat(faults).extracting(FaultPlan.Fault::kind).contains(FaultPlan.Kind.PAUSE, FaultPlan.Kind.META,
                FaultPlan.Kind.ODOO, FaultPlan.Kind.KILL_ALL);
        assertThat(faults).filteredOn(f -> f.kind() == FaultPlan.Kind.PAUSE).extracting(FaultPlan.Fault::target)
                .contains("kafka");
        assertThat(faults).filteredOn(f -> f.kind() == FaultPlan.Kind.META).extracting(f -> f.detail().split(" ")[0])
                .containsExactlyInAnyOrder("THROTTLE", "SERVER_ERROR", "STALL");
        assertThat(faults).filteredOn(f -> f.kind() == FaultPlan.Kind.ODOO).extracting(f -> f.detail().split(" ")[0])
                .containsExactlyInAnyOrder("BAD_GATEWAY", "DROP_CONNECTION", "SLOW");
        assertThat(faults).extracting(FaultPlan.Fault::at).isSorted()
                .allSatisfy(at -> assertThat(at).isPositive().isLessThan(workload));
    }

    @Test
    void theShortPlanHasOneFaultOfEachFamilyAndKillsLast() {
        List<FaultPlan.Fault> faults = FaultPlan.seeded(ChaosSettings.DEFAULT_SEED, Duration.ofSeconds(45), true, STALL)
                .faults();

        assertThat(faults).extracting(FaultPlan.Fault::kind).containsExactly(FaultPlan.Kind.ODOO,
                FaultPlan.Kind.META, FaultPlan.Kind.PAUSE, FaultPlan.Kind.KILL, FaultPlan.Kind.KILL);
        assertThat(faults.get(1).detail()).isEqualTo("STALL 9s");
    }
}
