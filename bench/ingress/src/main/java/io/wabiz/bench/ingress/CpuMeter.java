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
    private static final double TICK_NANOS = 10_000_000;

    /** What a phase cost in total; {@code user}, {@code kernel} and {@code switches} are -1 off Linux. */
    record Spent(long requests, double serverNanos, double userNanos, double kernelNanos, long switches,
                 double selfNanos) {

        static final Spent NOTHING = new Spent(0, 0, 0, 0, 0, 0);

        Spent plus(Spent other) {
            return new Spent(requests + other.requests, serverNanos + other.serverNanos, userNanos + other.userNanos,
                    kernelNanos + other.kernelNanos, switches + other.switches, selfNanos + other.selfNanos);
        }

        double totalMicrosPerRequest() {
            return (serverNanos + selfNanos) / 1e3 / Math.max(1, requests);
        }

        @Override
        public String toString() {
            long n = Math.max(1, requests);
            String split = userNanos < 0 ? "" : " (user %.0f, kernel %.0f; %.2f context switches)".formatted(
                    userNanos / 1e3 / n, kernelNanos / 1e3 / n, (double) switches / n);
            return "%.0f us in the server%s + %.0f us in broker and load generator".formatted(
                    serverNanos / 1e3 / n, split, selfNanos / 1e3 / n);
        }
    }

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

    Spent spent(long requests) {
        long[] procEnd = procCounters(server.pid());
        boolean split = procStart != null && procEnd != null;
        return new Spent(requests, cpuNanos(server) - serverStart,
                split ? (procEnd[0] - procStart[0]) * TICK_NANOS : -1,
                split ? (procEnd[1] - procStart[1]) * TICK_NANOS : -1,
                split ? procEnd[2] - procStart[2] : -1, selfNanos() - selfStart);
    }

    String perRequest(long requests) {
        return spent(requests).toString();
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
