package io.wabiz.bench.chaos;

import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.services.StackService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Plays a {@link FaultPlan} against the running stack, on its own thread, and keeps what it actually did and when
 * (a restart under load takes a while, so later faults may come later than planned). Whatever is still in force when
 * it is stopped (a paused process, a simulator fault, a killed service) is undone.
 */
final class FaultInjector {

    /** A fault as it was injected: when, what, how long until the system had it back. */
    record Injected(Duration at, FaultPlan.Fault fault, Duration took, String outcome) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "t+%3ds  %-8s %-22s %-26s %s", at.toSeconds(), fault.kind(),
                    fault.target(), fault.detail() == null ? "" : fault.detail(), outcome + " ("
                            + took.toSeconds() + " s)");
        }
    }

    private final ChaosStack stack;
    private final FaultPlan plan;
    private final Consumer<String> progress;
    private final List<Injected> injected = new CopyOnWriteArrayList<>();
    private final List<Thread> restarts = new CopyOnWriteArrayList<>();
    private final List<String> recoveries = new CopyOnWriteArrayList<>();
    /** Kills per service: a restart whose kill was followed by another leaves the service to the newer restart. */
    private final Map<StackService, java.util.concurrent.atomic.AtomicInteger> kills = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopping;
    private Thread thread;
    private Instant start;

    FaultInjector(ChaosStack stack, FaultPlan plan, Consumer<String> progress) {
        this.stack = stack;
        this.plan = plan;
        this.progress = progress;
    }

    void start(Instant workloadStart) {
        this.start = workloadStart;
        thread = Thread.ofPlatform().name("chaos-faults").daemon().start(this::play);
    }

    /** Waits for the fault in progress to end (never leaves the stack broken), then stops. */
    List<Injected> stop() {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(Duration.ofMinutes(3));
                for (Thread restart : restarts) {
                    restart.join(Duration.ofMinutes(4));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clearSimulatorFaults();
        return List.copyOf(injected);
    }

    private void play() {
        for (FaultPlan.Fault fault : plan.faults()) {
            Instant due = start.plus(fault.at());
            while (!stopping && Instant.now().isBefore(due)) {
                sleep(Duration.ofMillis(Math.min(500, Math.max(1, Duration.between(Instant.now(), due).toMillis()))));
            }
            if (stopping) {
                return;
            }
            Instant began = Instant.now();
            String outcome;
            try {
                progress.accept("fault " + fault);
                outcome = inject(fault);
            } catch (RuntimeException e) {
                outcome = "FAILED to inject: " + e.getMessage();
            }
            Injected done = new Injected(Duration.between(start, began), fault, Duration.between(began, Instant.now()),
                    outcome);
            injected.add(done);
            progress.accept("fault done: " + done);
        }
    }

    private String inject(FaultPlan.Fault fault) {
        return switch (fault.kind()) {
            case KILL -> {
                StackService service = service(fault.target());
                Map<StackService, Integer> generation = killing(List.of(service));
                stack.running().process(service).kill();
                restartLater(generation, fault);
                yield "killed (kill -9), restarting";
            }
            case KILL_ALL -> {
                List<StackService> all = stack.platformServices();
                Map<StackService, Integer> generation = killing(all);
                List<Thread> killers = new ArrayList<>();
                for (StackService service : all) {
                    killers.add(Thread.ofVirtual().start(() -> stack.running().process(service).kill()));
                }
                killers.forEach(FaultInjector::join);
                restartLater(generation, fault);
                yield "all " + all.size() + " services killed (kill -9), restarting";
            }
            case PAUSE -> {
                ChildProcess process = "kafka".equals(fault.target()) ? stack.running().infrastructure("kafka")
                        : stack.running().process(service(fault.target()));
                process.pause();
                try {
                    sleep(fault.lasting());
                } finally {
                    process.resume();
                }
                yield "SIGSTOP, SIGCONT after " + fault.lasting().toSeconds() + " s";
            }
            case META -> {
                String[] detail = fault.detail().split(" ");
                String body = "STALL".equals(detail[0])
                        ? "{\"kind\":\"STALL\",\"delay\":\"PT" + ChaosStack.STALL_DELAY.toSeconds() + "S\"}"
                        : "{\"kind\":\"" + detail[0] + "\"}";
                stack.meta().put("/simulator/faults", body).expect(200);
                try {
                    sleep(fault.lasting());
                } finally {
                    stack.meta().delete("/simulator/faults");
                }
                yield "Meta " + detail[0] + " for " + fault.lasting().toSeconds() + " s, "
                        + "hits " + stack.meta().get("/simulator/faults").body().path("hits").asInt();
            }
            case ODOO -> {
                String[] detail = fault.detail().split(" ");
                String body = switch (detail[0]) {
                    case "SLOW" -> "{\"kind\":\"SLOW\",\"afterWork\":true,\"delay\":\"PT"
                            + Arrays.stream(detail).filter(d -> d.endsWith("s")).findFirst().orElse("12s")
                            .replace("s", "") + "S\"}";
                    default -> "{\"kind\":\"" + detail[0] + "\"}";
                };
                stack.odoo().put("/simulator/faults", body).expect(200);
                try {
                    sleep(fault.lasting());
                } finally {
                    stack.odoo().delete("/simulator/faults");
                }
                yield "Odoo " + detail[0] + " for " + fault.lasting().toSeconds() + " s, hits "
                        + stack.odoo().get("/simulator/faults").body().path("hits").asInt();
            }
        };
    }

    /**
     * A killed service comes back on its own (as a pod would), 2 s after the kill, while the plan goes on: a restart
     * under load takes tens of seconds, and the next faults do not wait for it.
     */
    private void restartLater(Map<StackService, Integer> generation, FaultPlan.Fault fault) {
        Instant killedAt = Instant.now();
        restarts.add(Thread.ofPlatform().name("chaos-restart-" + fault.target()).daemon().start(() -> {
            sleep(Duration.ofSeconds(2));
            List<Thread> starters = new ArrayList<>();
            for (StackService service : generation.keySet()) {
                starters.add(Thread.ofVirtual().start(() -> {
                    try {
                        if (!stack.restartUnlessKilledAgain(service,
                                () -> kills.get(service).get() != generation.get(service))) {
                            return;
                        }
                        String back = service.module() + " ready again " + Duration.between(killedAt, Instant.now())
                                .toSeconds() + " s after its kill";
                        recoveries.add(back);
                        progress.accept(back);
                    } catch (RuntimeException e) {
                        if (kills.get(service).get() != generation.get(service)) {
                            progress.accept(service.module() + "'s restart was cut short by the next kill");
                            return;
                        }
                        String lost = service.module() + " did not come back after its kill: "
                                + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                        recoveries.add(lost);
                        progress.accept(lost);
                    }
                }));
            }
            starters.forEach(FaultInjector::join);
        }));
    }

    /** Counted before the kill, so that a restart still in progress knows its process was killed on purpose. */
    private Map<StackService, Integer> killing(List<StackService> services) {
        Map<StackService, Integer> generation = new java.util.EnumMap<>(StackService.class);
        services.forEach(service -> generation.put(service, kills.computeIfAbsent(service,
                s -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet()));
        return generation;
    }

    private void clearSimulatorFaults() {
        for (Runnable clear : List.<Runnable>of(() -> stack.meta().delete("/simulator/faults"),
                () -> stack.odoo().delete("/simulator/faults"))) {
            try {
                clear.run();
            } catch (RuntimeException ignored) {
                // the simulators are never faulted themselves
            }
        }
    }

    private static StackService service(String module) {
        return Arrays.stream(StackService.values()).filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long each killed service took to be ready again. */
    List<String> recoveries() {
        return List.copyOf(recoveries);
    }

    static Map<FaultPlan.Kind, Long> countByKind(List<Injected> injected) {
        return injected.stream().collect(java.util.stream.Collectors.groupingBy(i -> i.fault().kind(),
                () -> new java.util.EnumMap<>(FaultPlan.Kind.class), java.util.stream.Collectors.counting()));
    }
}
