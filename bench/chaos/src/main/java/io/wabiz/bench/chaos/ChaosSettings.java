package io.wabiz.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One run: how long the workload and faults last, the seed of both, how many customers, how long the system is
 * left alone before the invariants are computed.
 *
 * @param workload    how long customers and the ERP act (faults are injected during this time)
 * @param quiet       the system counts as settled once nothing changed for this long after the workload
 * @param maxSettle   the invariants are computed after at most this long, settled or not (and it is said)
 * @param tick        the pause between two workload actions
 * @param short       the short fault plan (one fault of each family) for the run inside {@code ./mvnw verify}
 */
public record ChaosSettings(String mode, Duration workload, long seed, int customers, Duration tick,
                            Duration quiet, Duration maxSettle, boolean shortPlan, Path repositoryRoot,
                            Path dataDirectory) {

    public static final long DEFAULT_SEED = 20261201L;

    /** The benchmark: 5 minutes by default, every fault family, every service killed in turn. */
    public static ChaosSettings full(Path root, Path data, Duration workload, long seed) {
        return new ChaosSettings("full", workload, seed, 14, Duration.ofMillis(700), Duration.ofSeconds(20),
                Duration.ofMinutes(4), false, root, data);
    }

    /** About a minute of workload with a fixed seed, for {@code ./mvnw verify}. */
    public static ChaosSettings shortRun(Path root, Path data) {
        return new ChaosSettings("short", Duration.ofSeconds(45), DEFAULT_SEED, 6, Duration.ofMillis(900),
                Duration.ofSeconds(12), Duration.ofSeconds(120), true, root, data);
    }
}
