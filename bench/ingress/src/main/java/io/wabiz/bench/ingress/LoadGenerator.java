package io.wabiz.bench.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** HTTP load with the JDK client: closed loop (N clients back to back) and open loop (fixed rate). */
final class LoadGenerator implements AutoCloseable {

    /** A request to send: the body and its signature header. */
    record Webhook(byte[] body, String signature) {
    }

    record ClosedLoopResult(long completed, long non2xx, double seconds, Histogram latency) {
        double perSecond() {
            return completed / seconds;
        }
    }

    record OpenLoopResult(long sent, long non2xx, long errors, double seconds, Histogram latency) {
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Webhook> webhooks;

    LoadGenerator(List<Webhook> webhooks) {
        this.webhooks = webhooks;
    }

    private HttpRequest request(URI uri, long sequence) {
        Webhook webhook = webhooks.get((int) (sequence % webhooks.size()));
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", webhook.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body())).build();
    }

    /** {@code clients} virtual threads each sending as soon as their previous answer came back. */
    ClosedLoopResult closedLoop(URI uri, int clients, Duration duration) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        Recorder latency = new Recorder(3);
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            executor.submit(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request(uri, sequence.getAndIncrement()),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() / 100 != 2) {
                                non2xx.incrementAndGet();
                            }
                        } catch (Exception e) {
                            non2xx.incrementAndGet();
                        }
                        latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                        completed.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ClosedLoopResult(completed.get(), non2xx.get(), seconds, latency.getIntervalHistogram());
    }

    /**
     * Sends at a fixed rate whatever the answers do, over at most {@code connections} requests in flight (as
     * wrk2 does with its connections), and measures each latency from the request's intended send time, so
     * time spent queued behind slow answers, or waiting for a free connection, counts (no coordinated omission).
     */
    OpenLoopResult openLoop(URI uri, int perSecond, Duration duration, int connections) throws InterruptedException {
        Semaphore inFlight = new Semaphore(connections);
        long total = perSecond * duration.toSeconds();
        double interval = 1e9 / perSecond;
        AtomicLong non2xx = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Recorder latency = new Recorder(3);
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            client.sendAsync(request(uri, i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                latency.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
                if (failure != null) {
                    errors.incrementAndGet();
                } else if (response.statusCode() / 100 != 2) {
                    non2xx.incrementAndGet();
                }
                answered.countDown();
            });
        }
        if (!answered.await(60, TimeUnit.SECONDS)) {
            errors.addAndGet(answered.getCount());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OpenLoopResult(total, non2xx.get(), errors.get(), seconds, latency.getIntervalHistogram());
    }

    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
    }
}
