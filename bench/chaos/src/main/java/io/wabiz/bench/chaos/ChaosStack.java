package io.wabiz.bench.chaos;

import io.wabiz.localstack.LocalStack;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.StackPorts;
import io.wabiz.localstack.StackSettings;
import io.wabiz.localstack.e2e.JsonHttp;
import io.wabiz.localstack.e2e.SimulatorApi;
import io.wabiz.localstack.e2e.StaffApi;
import io.wabiz.localstack.process.PidFile;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole platform started by {@code ./run-local}'s launcher on free ports in a fresh folder (the staff console
 * left out: nothing of the workload goes through it), with the few settings a rehearsal of failures needs, and the
 * HTTP clients of the simulators and services the workload and the observer use.
 */
final class ChaosStack implements AutoCloseable {

    /** The sender's request timeout here: a stalled Meta answer ({@link #STALL_DELAY}) comes after it. */
    static final Duration SENDER_REQUEST_TIMEOUT = Duration.ofSeconds(6);
    static final Duration STALL_DELAY = Duration.ofSeconds(9);
    static final String AGENT_TOKEN = StaffApi.LOCAL_AGENT_TOKEN;

    private final RunningStack stack;
    private final Map<String, AtomicInteger> restarts = new HashMap<>();

    private ChaosStack(RunningStack stack) {
        this.stack = stack;
    }

    static ChaosStack start(ChaosSettings settings, Consumer<String> progress) {
        Path data = settings.dataDirectory();
        new PidFile(data.resolve("stack.pids"), data.toString()).stopLeftovers(progress);
        deleteRecursively(data);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackPorts ports = StackPorts.free();
        Set<StackService> services = EnumSet.allOf(StackService.class);
        services.remove(StackService.STAFF_CONSOLE);
        if (settings.shortPlan()) {
            // nothing of the short workload reaches it, and one JVM less starts faster on a busy CI machine
            services.remove(StackService.REMINDER_SCHEDULER);
        }
        StackSettings stackSettings = StackSettings.local(settings.repositoryRoot()).withDataDirectory(data)
                .withPorts(ports).withServices(services);
        for (StackService service : services) {
            if (LocalStack.serviceJar(stackSettings.repositoryRoot(), service).isEmpty()) {
                throw new IllegalStateException("the chaos run needs every service jar; not built: " + service.module()
                        + " (./mvnw -DskipTests package first)");
            }
        }
        RunningStack running = new LocalStack(stackSettings, progress, overrides(ports)).start();
        return new ChaosStack(running);
    }

    /**
     * What differs from {@code ./run-local}: logs of every Graph call and webhook kept for the whole run, webhooks
     * retried for about two minutes (Meta retries for days; the simulator's default gives up after 8 s, which a
     * broker paused for 10 s would turn into lost taps), a sender timeout shorter than a stalled Meta answer, and
     * consumers whose group membership lapses in 10 s so that a killed service's partitions move on quickly.
     */
    private static Map<StackService, Map<String, String>> overrides(StackPorts ports) {
        String notifier = "http://localhost:" + ports.port(StackService.BILLING_NOTIFIER);
        String meta = "http://localhost:" + ports.port(StackService.META_SIMULATOR);
        Map<StackService, Map<String, String>> overrides = new EnumMap<>(StackService.class);
        Map<String, String> simulator = Map.of(
                "SIMULATOR_REQUESTLOGSIZE", "500000",
                "SIMULATOR_WEBHOOKRETRY_MAXATTEMPTS", "9",
                "SIMULATOR_PAYMENTS_WEBHOOKURL", notifier + "/payments/callbacks/wave");
        for (StackService service : List.of(StackService.values())) {
            Map<String, String> environment = new HashMap<>();
            if (!service.needsKafka()) {
                overrides.put(service, environment);
                continue;
            }
            environment.put("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000");
            environment.put("SPRING_KAFKA_CONSUMER_PROPERTIES_HEARTBEAT_INTERVAL_MS", "2000");
            overrides.put(service, environment);
        }
        overrides.put(StackService.META_SIMULATOR, new HashMap<>(simulator));
        overrides.get(StackService.OUTBOUND_SENDER).put("SENDER_GRAPHAPI_REQUESTTIMEOUT",
                SENDER_REQUEST_TIMEOUT.toSeconds() + "s");
        overrides.get(StackService.BILLING_NOTIFIER).put("NOTIFIER_INVOICES_PUBLICBASEURL", notifier);
        overrides.get(StackService.BILLING_NOTIFIER).put("NOTIFIER_INVOICES_PAYMENTS_WAVE_BASEURL", meta + "/wave");
        return overrides;
    }

    /** The platform's services of {@link FaultPlan#PLATFORM} that this run started. */
    List<StackService> platformServices() {
        return FaultPlan.PLATFORM.stream().filter(stack.runningServices()::contains).toList();
    }

    RunningStack running() {
        return stack;
    }

    String url(StackService service) {
        return stack.url(service);
    }

    JsonHttp meta() {
        return new JsonHttp(stack.url(StackService.META_SIMULATOR), Map.of());
    }

    SimulatorApi phones() {
        return SimulatorApi.of(stack);
    }

    JsonHttp odoo() {
        return new JsonHttp(stack.url(StackService.ODOO_SIMULATOR), Map.of());
    }

    JsonHttp staff() {
        return new JsonHttp(stack.url(StackService.CONVERSATION_SERVICE), Map.of("Authorization", "Bearer " + AGENT_TOKEN));
    }

    JsonHttp notifier() {
        return new JsonHttp(stack.url(StackService.BILLING_NOTIFIER), Map.of("Authorization", "Bearer " + AGENT_TOKEN));
    }

    boolean remindersRun() {
        return stack.runningServices().contains(StackService.REMINDER_SCHEDULER);
    }

    JsonHttp reminderAdmin() {
        return new JsonHttp(stack.url(StackService.REMINDER_SCHEDULER), Map.of("Authorization",
                "Bearer local-admin-token"));
    }

    JsonHttp ingress() {
        return new JsonHttp(stack.url(StackService.WEBHOOK_INGRESS), Map.of());
    }

    private final Map<StackService, Object> restartLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /** Restarts a service; the log of the run that ends is kept as {@code <module>.<n>.log}. */
    void restart(StackService service) {
        restartUnlessKilledAgain(service, () -> false);
    }

    /**
     * One restart of a service at a time; a restart that waited for another and whose kill was followed by a newer
     * one gives way to the newer one's restart (returns false).
     */
    boolean restartUnlessKilledAgain(StackService service, java.util.function.BooleanSupplier superseded) {
        synchronized (restartLocks.computeIfAbsent(service, s -> new Object())) {
            if (superseded.getAsBoolean()) {
                return false;
            }
            keepLog(service);
            stack.restart(service);
            return true;
        }
    }

    void keepLog(StackService service) {
        int run = restarts.computeIfAbsent(service.module(), m -> new AtomicInteger()).incrementAndGet();
        Path log = stack.settings().logDirectory().resolve(service.module() + ".log");
        try {
            if (Files.exists(log)) {
                Files.copy(log, log.resolveSibling(service.module() + "." + run + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a log not kept loses evidence, not the run
        }
    }

    Path logDirectory() {
        return stack.settings().logDirectory();
    }

    @Override
    public void close() {
        stack.close();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a folder left behind is harmless
        }
    }
}
