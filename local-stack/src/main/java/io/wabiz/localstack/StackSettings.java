package io.wabiz.localstack;

import io.wabiz.localstack.services.StackService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to run and where.
 *
 * @param repositoryRoot  where the modules' {@code target/} jars are
 * @param dataDirectory   broker, Mongo and simulator data, and the logs ({@code logs/})
 * @param services        which services of the table to run (those without a built jar are left out)
 * @param serviceJvmOptions flags of the Spring Boot service JVMs
 */
public record StackSettings(Path repositoryRoot, Path dataDirectory, StackPorts ports, Set<StackService> services,
                            List<String> serviceJvmOptions, List<String> kafkaJvmOptions, List<String> mongoJvmOptions,
                            Duration startTimeout) {

    /** Small heaps, serial GC and C1 only: a fast start and a small footprint on a laptop. */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=256m", "-XX:MaxDirectMemorySize=128m",
            "-Dfile.encoding=UTF-8");
    public static final List<String> KAFKA_JVM_OPTIONS = withUnsafeAllowed(List.of(
            "-Xms64m", "-Xmx320m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=128m",
            "-Dlog4j2.level=WARN", "-Dfile.encoding=UTF-8"));
    public static final List<String> MONGO_JVM_OPTIONS = List.of(
            "-Xms16m", "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=32m", "-XX:MaxDirectMemorySize=64m", "-Dfile.encoding=UTF-8");

    /** Kafka unmaps its index files through sun.misc.Unsafe: JDK 23+ warns unless allowed (older JDKs lack the flag). */
    private static List<String> withUnsafeAllowed(List<String> options) {
        if (Runtime.version().feature() < 23) {
            return options;
        }
        List<String> all = new java.util.ArrayList<>(options);
        all.add("--sun-misc-unsafe-memory-access=allow");
        return List.copyOf(all);
    }

    public StackSettings {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        mongoJvmOptions = List.copyOf(mongoJvmOptions);
    }

    /** The everyday local stack: fixed ports, data in {@code <root>/.local-stack}. */
    public static StackSettings local(Path repositoryRoot) {
        return new StackSettings(repositoryRoot, repositoryRoot.resolve(".local-stack"), StackPorts.defaults(),
                EnumSet.allOf(StackService.class), SERVICE_JVM_OPTIONS, KAFKA_JVM_OPTIONS, MONGO_JVM_OPTIONS,
                Duration.ofSeconds(180));
    }

    public StackSettings withDataDirectory(Path directory) {
        return new StackSettings(repositoryRoot, directory, ports, services, serviceJvmOptions, kafkaJvmOptions,
                mongoJvmOptions, startTimeout);
    }

    public StackSettings withPorts(StackPorts newPorts) {
        return new StackSettings(repositoryRoot, dataDirectory, newPorts, services, serviceJvmOptions, kafkaJvmOptions,
                mongoJvmOptions, startTimeout);
    }

    public StackSettings withServices(Set<StackService> only) {
        return new StackSettings(repositoryRoot, dataDirectory, ports, only, serviceJvmOptions, kafkaJvmOptions,
                mongoJvmOptions, startTimeout);
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }
}
