package io.wabiz.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resident memory (VmRSS from /proc) of the stack's processes. Linux only; empty elsewhere. */
public final class MemoryUsage {

    private MemoryUsage() {
    }

    /** Sum of the resident set of every process and its descendants, in bytes. */
    public static OptionalLong totalRss(Collection<ChildProcess> processes) {
        long total = 0;
        for (ChildProcess process : processes) {
            Stream<ProcessHandle> tree = Stream.concat(Stream.of(process.handle()), process.handle().descendants());
            for (ProcessHandle handle : (Iterable<ProcessHandle>) tree::iterator) {
                OptionalLong rss = rss(handle.pid());
                if (rss.isEmpty()) {
                    return OptionalLong.empty();
                }
                total += rss.getAsLong();
            }
        }
        return OptionalLong.of(total);
    }

    public static OptionalLong rss(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static String format(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }
}
