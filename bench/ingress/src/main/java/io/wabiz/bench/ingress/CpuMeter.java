package io.wabiz.bench.ingress;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU spent by a server process and by this JVM (broker and load generator) over one phase. */
final class CpuMeter {

    private final ProcessHandle server;
    private final long serverStart;
    private final long selfStart;

    CpuMeter(Process server) {
        this.server = server.toHandle();
        this.serverStart = cpuNanos(this.server);
        this.selfStart = selfNanos();
    }

    String perRequest(long requests) {
        double serverMicros = (cpuNanos(server) - serverStart) / 1e3 / Math.max(1, requests);
        double selfMicros = (selfNanos() - selfStart) / 1e3 / Math.max(1, requests);
        return "%.0f us in the server + %.0f us in broker and load generator".formatted(serverMicros, selfMicros);
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long selfNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
