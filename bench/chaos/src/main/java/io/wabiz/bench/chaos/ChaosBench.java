package io.wabiz.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

/**
 * {@code bench/chaos/run}: a chaos run with the settings from system properties ({@code chaos.mode} full or short,
 * {@code chaos.duration} such as {@code 5m} or {@code 90s}, {@code chaos.seed}, {@code chaos.data-dir},
 * {@code wabiz.root}); prints the table and exits 1 when an invariant is broken.
 */
public final class ChaosBench {

    private ChaosBench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("wabiz.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("chaos.data-dir", root.resolve("bench/chaos/target/chaos-run").toString()))
                .toAbsolutePath().normalize();
        ChaosSettings settings = "short".equals(System.getProperty("chaos.mode"))
                ? ChaosSettings.shortRun(root, data)
                : ChaosSettings.full(root, data, duration(System.getProperty("chaos.duration", "5m")),
                        Long.parseLong(System.getProperty("chaos.seed", Long.toString(ChaosSettings.DEFAULT_SEED))));
        ChaosRun.Outcome outcome = new ChaosRun(settings, ChaosBench::progress).run();
        System.out.println();
        System.out.print(ChaosReport.table(outcome));
        System.out.println("\nLogs, observations.json and report.txt in " + data);
        System.exit(outcome.holds() ? 0 : 1);
    }

    static Duration duration(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.parse(text);
    }

    private static void progress(String message) {
        System.out.println("[chaos " + LocalTime.now().withNano(0) + "] " + message);
    }
}
