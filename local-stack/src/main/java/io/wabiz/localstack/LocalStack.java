package io.wabiz.localstack;

import io.wabiz.localstack.kafka.KafkaBroker;
import io.wabiz.localstack.mongo.MongoServerMain;
import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.process.JvmLauncher;
import io.wabiz.localstack.process.PidFile;
import io.wabiz.localstack.process.Readiness;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts the whole platform as separate processes: the KRaft broker and the embedded MongoDB first, the
 * catalogue topics, then the simulator and every built service, and waits until all of them are healthy.
 */
public final class LocalStack {

    private static final Executor WAITERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("readiness-", 0).factory());

    private final StackSettings settings;
    private final Consumer<String> progress;
    private final Map<StackService, Map<String, String>> environmentOverrides;
    private volatile RunningStack starting;

    public LocalStack(StackSettings settings, Consumer<String> progress) {
        this(settings, progress, Map.of());
    }

    /**
     * @param environmentOverrides variables added to (or replacing) a service's own environment, for a run that
     *                             tunes it (the chaos bench's shorter timeouts and longer logs)
     */
    public LocalStack(StackSettings settings, Consumer<String> progress,
                      Map<StackService, Map<String, String>> environmentOverrides) {
        this.settings = settings;
        this.progress = progress;
        this.environmentOverrides = Map.copyOf(environmentOverrides);
    }

    /** The executable jar of a service module, if it has been built. */
    public static Optional<Path> serviceJar(Path repositoryRoot, StackService service) {
        Path target = repositoryRoot.resolve(service.module()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            // a module whose plain jar is its main artifact (other modules' tests use it) ships an -exec.jar
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(service.module() + "-") && name.endsWith(".jar")
                        && !name.endsWith("-plain.jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
            }).min(java.util.Comparator.comparing(file -> !file.getFileName().toString().endsWith("-exec.jar")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RunningStack start() {
        long startNanos = System.nanoTime();
        Path dataDirectory = settings.dataDirectory();
        String marker = dataDirectory.toString();
        PidFile pidFile = new PidFile(dataDirectory.resolve("stack.pids"), marker);
        pidFile.stopLeftovers(progress);
        checkPortsFree();
        JvmLauncher launcher = new JvmLauncher(settings.logDirectory(), marker);
        RunningStack stack = new RunningStack(settings, pidFile);
        starting = stack;
        try {
            Map<StackService, Path> jars = new EnumMap<>(StackService.class);
            for (StackService service : settings.services()) {
                serviceJar(settings.repositoryRoot(), service).ifPresentOrElse(jar -> jars.put(service, jar),
                        () -> stack.missing(service));
            }

            KafkaBroker broker = new KafkaBroker(directory("kafka"), settings.ports().kafka(),
                    settings.ports().kafkaController());
            ChildProcess kafka = stack.infrastructure(broker.start(launcher, settings.kafkaJvmOptions()));
            ChildProcess mongo = stack.infrastructure(launcher.start("mongodb", directory("mongo"),
                    settings.mongoJvmOptions(), JvmLauncher.classPathLaunch(MongoServerMain.class.getName()),
                    List.of(directory("mongo").resolve("wabiz.mv").toString(), Integer.toString(settings.ports().mongo())),
                    Map.of()));
            progress.accept("starting Kafka (pid " + kafka.pid() + ") and MongoDB (pid " + mongo.pid() + "), data in "
                    + dataDirectory);

            StackService.Wiring wiring = wiring(broker);
            // the services that need no broker start at once, overlapping the broker's start
            List<CompletableFuture<Void>> waits = new ArrayList<>();
            jars.forEach((service, jar) -> {
                if (!service.needsKafka()) {
                    waits.add(startService(launcher, stack, service, jar, wiring));
                }
            });

            broker.awaitReady(kafka, settings.startTimeout());
            List<String> created = broker.createCatalogueTopics();
            progress.accept("Kafka ready on " + broker.bootstrapServers()
                    + (created.isEmpty() ? " (topics already there)" : " (" + created.size() + " topics created)"));
            Readiness.await(mongo, "MongoDB on port " + settings.ports().mongo(), settings.startTimeout(),
                    () -> Readiness.tcpOpen("localhost", settings.ports().mongo()));
            progress.accept("MongoDB ready on localhost:" + settings.ports().mongo());

            jars.forEach((service, jar) -> {
                if (service.needsKafka()) {
                    waits.add(startService(launcher, stack, service, jar, wiring));
                }
            });
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
            stack.started(Duration.ofNanos(System.nanoTime() - startNanos), service -> {
                Path jar = jars.get(service);
                if (jar == null) {
                    throw new IllegalArgumentException(service.module() + " is not part of this stack");
                }
                startService(launcher, stack, service, jar, wiring).join();
                return stack.process(service);
            });
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw unwrap(e);
        }
    }

    /** Stops whatever a {@link #start()} still in progress has started (Ctrl-C during the start). */
    public void abort() {
        RunningStack stack = starting;
        if (stack != null) {
            stack.close();
        }
    }

    private CompletableFuture<Void> startService(JvmLauncher launcher, RunningStack stack, StackService service, Path jar,
                                                 StackService.Wiring wiring) {
        Map<String, String> environment = new java.util.LinkedHashMap<>(service.environment(wiring));
        environment.putAll(environmentOverrides.getOrDefault(service, Map.of()));
        ChildProcess process = stack.service(service, launcher.start(service.module(), settings.repositoryRoot(),
                settings.serviceJvmOptions(), JvmLauncher.jarLaunch(jar), List.of(), environment));
        progress.accept("starting " + service.module() + " (pid " + process.pid() + ") on port "
                + settings.ports().port(service));
        URI readiness = URI.create(wiring.url(service) + "/actuator/health/readiness");
        return CompletableFuture.runAsync(() -> {
            Readiness.await(process, service.module() + " readiness " + readiness, settings.startTimeout(),
                    () -> Readiness.httpOk(readiness));
            progress.accept(service.module() + " ready");
        }, WAITERS);
    }

    private StackService.Wiring wiring(KafkaBroker broker) {
        StackPorts ports = settings.ports();
        return new StackService.Wiring() {
            @Override
            public int port(StackService service) {
                return ports.port(service);
            }

            @Override
            public String kafkaBootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public String mongoUri(String database) {
                return "mongodb://localhost:" + ports.mongo() + "/" + database;
            }

            @Override
            public String dataDirectory(String name) {
                return directory(name).toString();
            }
        };
    }

    private Path directory(String name) {
        Path directory = settings.dataDirectory().resolve(name);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        settings.ports().all().forEach((name, port) -> {
            if (Readiness.tcpOpen("localhost", port)) {
                taken.add(name + " " + port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", taken)
                    + " (is another local stack running? stop it with Ctrl-C first)");
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : e;
    }
}
