package io.wabiz.bench.localstack;

import io.wabiz.localstack.LocalStack;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.StackPorts;
import io.wabiz.localstack.StackSettings;
import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.process.MemoryUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the whole local stack with the launcher {@code ./run-local} uses, on free ports in a fresh folder:
 * a cold start (empty data: storage formatted, topics created), then a restart on the same data, several
 * rounds. Prints the time to all-healthy and the resident memory (per process and in all), against the
 * targets: under 60 s and under 3 GB.
 *
 * <p>Arguments: {@code <repository root> [rounds=3]}.
 */
public final class LocalStackStartupBench {

    private static final double TARGET_SECONDS = 60;
    private static final double TARGET_GB = 3;

    private LocalStackStartupBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "local stack startup: %d rounds, %d cores, Java %s%n", rounds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<String> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createTempDirectory("wabiz-stack-bench-");
            try {
                StackSettings settings = StackSettings.local(root).withDataDirectory(data).withPorts(StackPorts.free());
                rows.add(measure("cold #" + round, settings));
                rows.add(measure("restart #" + round, settings));
            } finally {
                deleteRecursively(data);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-11s %8s %9s   %s%n", "start", "healthy", "RSS", "RSS per process");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "targets: all healthy < %.0f s, total RSS < %.0f GB (2 cores)%n", TARGET_SECONDS,
                TARGET_GB);
    }

    private static String measure(String label, StackSettings settings) {
        RunningStack stack = new LocalStack(settings, message -> { }).start();
        try {
            Map<String, String> perProcess = new LinkedHashMap<>();
            for (ChildProcess process : stack.processes()) {
                perProcess.put(process.name(), MemoryUsage.rss(process.pid()).stream().mapToObj(MemoryUsage::format)
                        .findFirst().orElse("?"));
            }
            String row = String.format(Locale.ROOT, "%-11s %7.1fs %9s   %s", label, stack.startupTime().toMillis() / 1000.0,
                    stack.totalRss().stream().mapToObj(MemoryUsage::format).findFirst().orElse("?"), perProcess);
            if (!stack.missingServices().isEmpty()) {
                row += "   (not built: " + stack.missingServices() + ")";
            }
            System.out.printf(Locale.ROOT, "%s: all healthy in %.1f s%n", label, stack.startupTime().toMillis() / 1000.0);
            return row;
        } finally {
            stack.close();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
