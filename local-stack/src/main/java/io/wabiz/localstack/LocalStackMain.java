package io.wabiz.localstack;

import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.process.MemoryUsage;
import io.wabiz.localstack.services.StackService;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack-<version>.jar [--root <repository>] [--data-dir <folder>]}:
 * runs the platform until Ctrl-C. The repository's {@code ./run-local} builds the jars and calls this.
 */
public final class LocalStackMain {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        Path dataDirectory = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "--data-dir" -> dataDirectory = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: LocalStackMain [--root <repository>] [--data-dir <folder>]");
                    System.exit(2);
                }
            }
        }
        StackSettings settings = StackSettings.local(root);
        if (dataDirectory != null) {
            settings = settings.withDataDirectory(dataDirectory);
        }

        LocalStack launcher = new LocalStack(settings, LocalStackMain::progress);
        CountDownLatch stopped = new CountDownLatch(1);
        RunningStack[] running = new RunningStack[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RunningStack stack;
            synchronized (running) {
                stack = running[0];
            }
            if (stack != null) {
                progress("stopping every process (services first, then Kafka and MongoDB)...");
                stack.close();
                progress("stopped; data kept in " + stack.settings().dataDirectory());
            } else {
                progress("interrupted while starting: stopping what was started...");
                launcher.abort();
            }
            stopped.countDown();
        }, "local-stack-stop"));

        RunningStack stack;
        try {
            stack = launcher.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        synchronized (running) {
            running[0] = stack;
        }
        printSummary(stack, root);
        reportUnexpectedExits(stack, stopped);
        stopped.await();
    }

    /** A process that dies while the stack runs is reported at once, with where to read why. */
    private static void reportUnexpectedExits(RunningStack stack, CountDownLatch stopped) {
        for (ChildProcess process : stack.processes()) {
            process.handle().onExit().thenRun(() -> {
                if (stopped.getCount() > 0 && !stack.isClosing()) {
                    progress(process.name() + " (pid " + process.pid() + ") stopped unexpectedly; see " + process.logFile());
                }
            });
        }
    }

    private static void printSummary(RunningStack stack, Path root) {
        StackSettings settings = stack.settings();
        String rss = stack.totalRss().stream().mapToObj(MemoryUsage::format).findFirst().orElse("(unknown)");
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(Locale.ROOT, "The platform is up: all healthy in %.1f s, %s resident memory in %d processes%n",
                stack.startupTime().toMillis() / 1000.0, rss, stack.processes().size()));
        out.append('\n');
        line(out, "Staff console", stack.url(StackService.STAFF_CONSOLE) + "/   (sign in as agent/agent or admin/admin)",
                stack, StackService.STAFF_CONSOLE);
        line(out, "Simulator phone page", stack.url(StackService.META_SIMULATOR) + "/", stack, StackService.META_SIMULATOR);
        line(out, "Staff API (conversations)", stack.url(StackService.CONVERSATION_SERVICE) + "/api/conversations"
                + "   (header Authorization: Bearer local-agent-token)", stack, StackService.CONVERSATION_SERVICE);
        line(out, "Sender operators' API", stack.url(StackService.OUTBOUND_SENDER) + "/accounts"
                + "   (header Authorization: Bearer local-admin-token)", stack, StackService.OUTBOUND_SENDER);
        line(out, "Scenarios admin API", stack.url(StackService.SCENARIO_ENGINE) + "/api/admin/scenarios"
                + "   (header Authorization: Bearer local-admin-token)", stack, StackService.SCENARIO_ENGINE);
        line(out, "Notifications (orders)", stack.url(StackService.BILLING_NOTIFIER) + "/api/notifications"
                + "   (same tokens)", stack, StackService.BILLING_NOTIFIER);
        line(out, "Reminders admin API", stack.url(StackService.REMINDER_SCHEDULER) + "/admin/runs"
                + "   (local-admin-token; PUT /admin/clock moves its clock)", stack, StackService.REMINDER_SCHEDULER);
        line(out, "Webhook (Meta -> ingress)", stack.url(StackService.WEBHOOK_INGRESS) + "/webhook", stack,
                StackService.WEBHOOK_INGRESS);
        line(out, "Graph API (simulated)", stack.url(StackService.META_SIMULATOR) + "/v23.0/", stack,
                StackService.META_SIMULATOR);
        out.append(String.format(Locale.ROOT, "  %-27s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        out.append(String.format(Locale.ROOT, "  %-27s %s%n", "MongoDB", "mongodb://localhost:" + settings.ports().mongo()));
        for (StackService service : StackService.values()) {
            if (stack.runningServices().contains(service)) {
                out.append(String.format(Locale.ROOT, "  %-27s %s%n", "Metrics " + service.module(),
                        stack.url(service) + "/actuator/prometheus"));
            }
        }
        out.append('\n').append("  Logs:\n");
        for (ChildProcess process : stack.processes()) {
            out.append(String.format(Locale.ROOT, "    %-22s pid %-8d %s%n", process.name(), process.pid(),
                    relative(root, process.logFile())));
        }
        for (StackService service : stack.missingServices()) {
            out.append(String.format(Locale.ROOT, "  not started: %s (no jar in %s/target)%n",
                    service.module(), service.module()));
        }
        out.append('\n').append("Press Ctrl-C to stop everything; data stays in ")
                .append(relative(root, settings.dataDirectory())).append(" for the next run.\n");
        System.out.print(out);
        System.out.flush();
    }

    private static void line(StringBuilder out, String label, String value, RunningStack stack, StackService service) {
        if (stack.runningServices().contains(service)) {
            out.append(String.format(Locale.ROOT, "  %-27s %s%n", label, value));
        }
    }

    private static String relative(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private static void progress(String message) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
        System.out.flush();
    }
}
