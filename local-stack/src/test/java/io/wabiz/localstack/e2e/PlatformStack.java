package io.wabiz.localstack.e2e;

import io.wabiz.localstack.LocalStack;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.StackPorts;
import io.wabiz.localstack.StackSettings;
import io.wabiz.localstack.process.PidFile;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole platform, started once per test JVM by the same launcher code as {@code ./run-local}, on free
 * ports and in a fresh data folder ({@code target/e2e-stack}, emptied at start and kept afterwards for its
 * logs) so that it never collides with a stack a developer is running.
 * Every service of the table must have been built: a missing jar fails the suite rather than skipping.
 */
final class PlatformStack {

    private static RunningStack running;
    private static StackSettings settings;

    private PlatformStack() {
    }

    static synchronized RunningStack get() {
        if (running == null) {
            settings = settings();
            running = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(PlatformStack::stop, "e2e-stack-stop"));
        }
        return running;
    }

    /** Stops every process and starts the stack again on the same data and ports. */
    static synchronized RunningStack restart() {
        get().close();
        running = start(settings);
        return running;
    }

    private static RunningStack start(StackSettings settings) {
        Set<StackService> missing = EnumSet.noneOf(StackService.class);
        for (StackService service : StackService.values()) {
            if (LocalStack.serviceJar(settings.repositoryRoot(), service).isEmpty()) {
                missing.add(service);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the end-to-end suite needs every service jar; not built: " + missing
                    + " (run ./mvnw verify from the repository root, or ./mvnw -DskipTests package first)");
        }
        RunningStack stack = new LocalStack(settings, message -> System.out.println("[e2e stack] " + message)).start();
        System.out.printf(Locale.ROOT, "[e2e stack] all healthy in %.1f s, %s resident%n",
                stack.startupTime().toMillis() / 1000.0,
                stack.totalRss().stream().mapToObj(io.wabiz.localstack.process.MemoryUsage::format).findFirst()
                        .orElse("(unknown)"));
        return stack;
    }

    private static StackSettings settings() {
        Path root = Path.of(System.getProperty("wabiz.root", "..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("wabiz.e2e.data-dir", "target/e2e-stack")).toAbsolutePath().normalize();
        // a test JVM killed by a timeout leaves its stack running: stop it before reusing the folder
        new PidFile(data.resolve("stack.pids"), data.toString()).stopLeftovers(m -> System.out.println("[e2e stack] " + m));
        deleteRecursively(data);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StackSettings.local(root).withDataDirectory(data).withPorts(StackPorts.free());
    }

    private static synchronized void stop() {
        if (running != null) {
            running.close();
            System.out.println("[e2e stack] stopped; logs in " + settings.logDirectory());
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
