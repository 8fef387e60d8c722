package io.wabiz.bench.ingress;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU spent by a server process and by this JVM (broker and load generator) over one phase. On Linux also the
 * server's split between user and kernel time and its context switches, read from {@code /proc}: on two shared
 * cores, kernel time (loopback sockets, wake-ups) is a large part of what a request costs.
 */
final class CpuMeter {

    /** USER_HZ: the unit of utime and stime in /proc/[pid]/stat on every Linux we run on. */
    private static final double TICK_MICROS = 10_000;

    private final ProcessHandle server;
    private final long serverStart;
    private final long selfStart;
    private final long[] procStart;

    CpuMeter(Process server) {
        this.server = server.toHandle();
        this.serverStart = cpuNanos(this.server);
        this.selfStart = selfNanos();
        this.procStart = procCounters(this.server.pid());
    }

    String perRequest(long requests) {
        long n = Math.max(1, requests);
        double serverMicros = (cpuNanos(server) - serverStart) / 1e3 / n;
        double selfMicros = (selfNanos() - selfStart) / 1e3 / n;
        String split = "";
        long[] procEnd = procCounters(server.pid());
        if (procStart != null && procEnd != null) {
            split = " (user %.0f, kernel %.0f; %.2f context switches)".formatted(
                    (procEnd[0] - procStart[0]) * TICK_MICROS / n, (procEnd[1] - procStart[1]) * TICK_MICROS / n,
                    (double) (procEnd[2] - procStart[2]) / n);
        }
        return "%.0f us in the server%s + %.0f us in broker and load generator".formatted(serverMicros, split, selfMicros);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long selfNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime and stime ticks of the process, and the context switches of all its threads; null off Linux. */
    private static long[] procCounters(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long switches = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                for (Path task : tasks) {
                    try {
                        for (String line : Files.readAllLines(task.resolve("status"))) {
                            if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                                switches += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                            }
                        }
                    } catch (IOException threadEnded) {
                        // a thread that ended between listing and reading: its switches are gone from /proc anyway
                    }
                }
            }
            // fields after "(comm) ": state is index 0, utime index 11, stime index 12
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), switches};
        } catch (IOException | RuntimeException notLinux) {
            return null;
        }
    }
}
