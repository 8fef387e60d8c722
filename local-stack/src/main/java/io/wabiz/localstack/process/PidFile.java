package io.wabiz.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pids of the running stack's processes, in its data folder. When the launcher was killed without
 * stopping its children (kill -9, a closed terminal), the next start stops those leftovers first; a pid
 * counts as ours only when its command line carries this stack's marker.
 */
public final class PidFile {

    private final Path file;
    private final String markerOption;

    public PidFile(Path file, String marker) {
        this.file = file;
        this.markerOption = JvmLauncher.markerOption(marker);
    }

    public void write(Collection<ChildProcess> processes) {
        List<String> lines = new ArrayList<>();
        processes.forEach(process -> lines.add(process.pid() + " " + process.name()));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is checked against the marker anyway
        }
    }

    /** Stops the processes of a previous run that are still alive. */
    public void stopLeftovers(Consumer<String> progress) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split(" ", 2);
                if (parts.length < 2) {
                    continue;
                }
                Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
                handle.filter(ProcessHandle::isAlive).filter(this::isOurs).ifPresent(process -> {
                    progress.accept("stopping " + parts[1] + " (pid " + process.pid() + ") left over from a previous run");
                    process.destroy();
                    try {
                        process.onExit().get(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                });
            }
            delete();
        } catch (IOException | NumberFormatException e) {
            progress.accept("ignoring unreadable pid file " + file + ": " + e.getMessage());
        }
    }

    private boolean isOurs(ProcessHandle process) {
        return process.info().arguments().map(args -> List.of(args).contains(markerOption)).orElse(false);
    }
}
