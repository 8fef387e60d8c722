package io.wabiz.bench.chaos;

import io.wabiz.events.EventJson;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One chaos run: the stack started, the customers set up, the workload and the seeded faults for the configured
 * time, then the faults undone and the system left alone until nothing changes for the quiet period, and the
 * invariants computed from what the simulators saw. Writes {@code observations.json} and {@code report.txt} into
 * the data folder (with the services' logs under {@code logs/}).
 */
public final class ChaosRun {

    /** What a run gives: the report's parts, for the table and for a test. */
    public record Outcome(ChaosSettings settings, FaultPlan plan, java.util.Map<String, Long> workload,
                          List<FaultInjector.Injected> faults, List<String> recoveries,
                          List<InvariantChecker.Result> invariants,
                          Duration startup, Duration timeToSettle, boolean settled, String loadBefore,
                          String loadAfter) {

        public boolean holds() {
            return invariants.stream().allMatch(InvariantChecker.Result::holds);
        }
    }

    private final ChaosSettings settings;
    private final Consumer<String> progress;

    public ChaosRun(ChaosSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Outcome run() {
        FaultPlan plan = FaultPlan.seeded(settings.seed(), settings.workload(), settings.shortPlan(),
                ChaosStack.STALL_DELAY);
        progress.accept("seed " + settings.seed() + ", fault plan:\n" + plan.describe());
        String loadBefore = loadAverage();
        try (ChaosStack stack = ChaosStack.start(settings, message -> progress.accept("[stack] " + message));
             KafkaRecorder recorder = new KafkaRecorder(stack.running().kafkaBootstrapServers())) {
            Duration startup = stack.running().startupTime();
            progress.accept(String.format(Locale.ROOT, "stack healthy in %.1f s", startup.toMillis() / 1000.0));
            Workload workload = new Workload(stack, settings.seed(), progress);
            workload.setUp(settings.customers());

            Instant start = Instant.now();
            FaultInjector faults = new FaultInjector(stack, plan, progress);
            faults.start(start);
            workload.run(start.plus(settings.workload()), settings.tick());
            Instant workloadEnd = Instant.now();
            progress.accept("workload over; waiting for the fault in progress to end");
            List<FaultInjector.Injected> injected = faults.stop();
            restartWhatIsDown(stack);
            // the quiet period's deadline counts from when every service is back: a restart under load takes minutes
            Instant recovered = Instant.now();

            Observer observer = new Observer(stack);
            Settled settled = settle(observer, workload, recorder, workloadEnd, recovered);
            progress.accept(settled.settled() ? "settled " + settled.took().toSeconds() + " s after the workload"
                    : "NOT settled within " + settings.maxSettle().toSeconds() + " s of every service being back;"
                    + " checking anyway (what is still on its way counts as missing)");
            Observations seen = observer.collect(workload, recorder);
            write(settings.dataDirectory().resolve("observations.json"), EventJson.toJson(seen));
            List<InvariantChecker.Result> results = new InvariantChecker(seen).check();
            Outcome outcome = new Outcome(settings, plan, workload.counts(), injected, faults.recoveries(), results,
                    startup,
                    settled.took(), settled.settled(), loadBefore, loadAverage());
            write(settings.dataDirectory().resolve("report.txt"), ChaosReport.table(outcome));
            return outcome;
        }
    }

    private record Settled(Duration took, boolean settled) {
    }

    /** Nothing changed for the quiet period: the system has done what it will do. */
    private Settled settle(Observer observer, Workload workload, KafkaRecorder recorder, Instant workloadEnd,
                           Instant recovered) {
        String last = null;
        Instant lastChange = workloadEnd;
        Instant deadline = recovered.plus(settings.maxSettle());
        while (Instant.now().isBefore(deadline)) {
            String now;
            try {
                now = observer.fingerprint(workload, recorder);
            } catch (RuntimeException | AssertionError notYet) {
                now = "unreadable " + notYet.getMessage();
            }
            if (!now.equals(last)) {
                last = now;
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).compareTo(settings.quiet()) >= 0) {
                return new Settled(Duration.between(workloadEnd, lastChange), true);
            }
            FaultInjector.sleep(Duration.ofSeconds(2));
        }
        return new Settled(Duration.between(workloadEnd, Instant.now()), false);
    }

    private void restartWhatIsDown(ChaosStack stack) {
        for (StackService service : stack.platformServices()) {
            if (!stack.running().process(service).isAlive()) {
                progress.accept(service.module() + " was down at the end of the faults: restarting it");
                stack.restart(service);
            }
        }
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
