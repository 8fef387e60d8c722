package io.wabiz.localstack;

import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.process.MemoryUsage;
import io.wabiz.localstack.process.PidFile;
import io.wabiz.localstack.services.StackService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/** The started stack: its processes, where they listen, how long they took; {@link #close()} stops them all. */
public final class RunningStack implements AutoCloseable {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration INFRASTRUCTURE_STOP_GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final PidFile pidFile;
    private final List<ChildProcess> infrastructure = new ArrayList<>();
    private final Map<StackService, ChildProcess> services = new EnumMap<>(StackService.class);
    private final Set<StackService> missing = EnumSet.noneOf(StackService.class);
    private volatile Duration startup;
    private volatile Function<StackService, ChildProcess> restarter;
    private boolean closed;

    RunningStack(StackSettings settings, PidFile pidFile) {
        this.settings = settings;
        this.pidFile = pidFile;
    }

    synchronized ChildProcess infrastructure(ChildProcess process) {
        refuseWhenClosed(process);
        infrastructure.add(process);
        pidFile.write(processes());
        return process;
    }

    synchronized ChildProcess service(StackService service, ChildProcess process) {
        refuseWhenClosed(process);
        services.put(service, process);
        pidFile.write(processes());
        return process;
    }

    /** A process started while the stack was being stopped (Ctrl-C during the start) is stopped at once. */
    private void refuseWhenClosed(ChildProcess process) {
        if (closed) {
            process.stop(SERVICE_STOP_GRACE);
            throw new IllegalStateException("the stack is stopping: " + process.name() + " not kept");
        }
    }

    synchronized void missing(StackService service) {
        missing.add(service);
    }

    void started(Duration took, Function<StackService, ChildProcess> restarter) {
        this.startup = took;
        this.restarter = restarter;
    }

    /** The running process of a service (the last one started, after a {@link #restart}). */
    public synchronized ChildProcess process(StackService service) {
        ChildProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.module() + " is not part of this stack");
        }
        return process;
    }

    /** The broker or MongoDB process, by its name ({@code kafka}, {@code mongodb}). */
    public synchronized ChildProcess infrastructure(String name) {
        return infrastructure.stream().filter(process -> process.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no infrastructure process " + name));
    }

    /**
     * Starts a service again, with the same jar, environment and port, and waits until it is ready; a process of it
     * still running is killed first (kill -9). For rehearsals of crashes and of a redeploy.
     */
    public ChildProcess restart(StackService service) {
        Function<StackService, ChildProcess> starter = restarter;
        if (starter == null) {
            throw new IllegalStateException("the stack has not finished starting");
        }
        ChildProcess old;
        synchronized (this) {
            old = services.get(service);
        }
        if (old != null && old.isAlive()) {
            old.kill();
        }
        return starter.apply(service);
    }

    public StackSettings settings() {
        return settings;
    }

    /** From the launch to every process healthy. */
    public Duration startupTime() {
        return startup;
    }

    public synchronized Set<StackService> runningServices() {
        return services.isEmpty() ? EnumSet.noneOf(StackService.class) : EnumSet.copyOf(services.keySet());
    }

    /** Services of the table whose jar was not built, so they were not started. */
    public synchronized Set<StackService> missingServices() {
        return missing.isEmpty() ? EnumSet.noneOf(StackService.class) : EnumSet.copyOf(missing);
    }

    public String url(StackService service) {
        return "http://localhost:" + settings.ports().port(service);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + settings.ports().kafka();
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + settings.ports().mongo() + "/" + database;
    }

    public synchronized List<ChildProcess> processes() {
        List<ChildProcess> all = new ArrayList<>(infrastructure);
        all.addAll(services.values());
        return all;
    }

    /** Total resident memory of every process of the stack (Linux), empty where /proc is not readable. */
    public OptionalLong totalRss() {
        return MemoryUsage.totalRss(processes());
    }

    public synchronized boolean isClosing() {
        return closed;
    }

    /** Stops the services first (they flush to Kafka and Mongo), then the broker and MongoDB. */
    @Override
    public void close() {
        List<ChildProcess> servicesToStop;
        List<ChildProcess> infrastructureToStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            servicesToStop = new ArrayList<>(services.values());
            infrastructureToStop = new ArrayList<>(infrastructure);
        }
        stopAll(servicesToStop, SERVICE_STOP_GRACE);
        stopAll(infrastructureToStop, INFRASTRUCTURE_STOP_GRACE);
        pidFile.delete();
    }

    private static void stopAll(List<ChildProcess> processes, Duration grace) {
        List<Thread> stoppers = processes.stream()
                .map(process -> Thread.ofVirtual().name("stop-" + process.name()).start(() -> process.stop(grace)))
                .toList();
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
