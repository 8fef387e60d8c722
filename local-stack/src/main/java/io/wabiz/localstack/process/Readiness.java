package io.wabiz.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a child process to become healthy, failing fast with its log when it dies instead. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL = Duration.ofMillis(250);

    private Readiness() {
    }

    public static boolean httpOk(URI uri) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean tcpOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code healthy} until it holds; throws when the process exits or the timeout passes. */
    public static void await(ChildProcess process, String what, Duration timeout, BooleanSupplier healthy) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (healthy.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new StartupFailed(process, what + ": the process " + process.describeExit());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailed(process, what + ": not healthy after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailed(process, what + ": interrupted");
            }
        }
    }

    /** A child process did not come up: carries its name, log file and last log lines. */
    public static final class StartupFailed extends RuntimeException {
        private final transient ChildProcess process;

        public StartupFailed(ChildProcess process, String message) {
            super(process.name() + " did not start: " + message + " (log: " + process.logFile() + ")\n  | "
                    + String.join("\n  | ", process.logTail(25)));
            this.process = process;
        }

        public ChildProcess process() {
            return process;
        }
    }
}
