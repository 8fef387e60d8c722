package io.wabiz.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a JVM child process with the same Java as the launcher, its output going to
 * {@code <logs>/<name>.log} (the previous run's log is kept as {@code <name>.previous.log}).
 */
public final class JvmLauncher {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path javaExecutable;
    private final Path logDirectory;
    private final String marker;

    /** @param marker a {@code -Dwabiz.local-stack=} value on every child's command line, to recognise leftovers */
    public JvmLauncher(Path logDirectory, String marker) {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), logDirectory, marker);
    }

    public JvmLauncher(Path javaExecutable, Path logDirectory, String marker) {
        this.javaExecutable = javaExecutable;
        this.logDirectory = logDirectory;
        this.marker = marker;
    }

    public static String markerOption(String marker) {
        return "-Dwabiz.local-stack=" + marker;
    }

    /**
     * @param jvmOptions   memory and startup flags
     * @param launchTarget {@code -jar x.jar} or {@code -cp ... MainClass}
     * @param arguments    program arguments
     * @param environment  added to the launcher's environment
     */
    public ChildProcess start(String name, Path workingDirectory, List<String> jvmOptions, List<String> launchTarget,
                              List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // its own session: Ctrl-C reaches only the launcher, which then stops the children in order
            command.add(SETSID.toString());
        }
        command.add(javaExecutable.toString());
        command.add(markerOption(marker));
        command.addAll(jvmOptions);
        command.addAll(launchTarget);
        command.addAll(arguments);
        Path logFile = logDirectory.resolve(name + ".log");
        try {
            Files.createDirectories(logDirectory);
            if (Files.exists(logFile)) {
                Files.move(logFile, logDirectory.resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code mainClass} from the launcher's own class path (absolute: the child works in another folder). */
    public static List<String> classPathLaunch(String mainClass) {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        return List.of("-cp", classPath, mainClass);
    }

    public static List<String> jarLaunch(Path jar) {
        return List.of("-jar", jar.toString());
    }
}
