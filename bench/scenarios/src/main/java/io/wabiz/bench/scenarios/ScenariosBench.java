package io.wabiz.bench.scenarios;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wabiz.events.Topics;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the scenario-engine jar against a real KRaft broker and the embedded MongoDB server (both in this JVM) and
 * measures, for "Valider" taps on orders awaiting the customer (each tap: a claim on the order, the ledger, a
 * {@code ConfirmSalesOrder} and a {@code SendMessage}):
 * (1) the time from the tap's record on {@code whatsapp.inbound.messages} to both of its results on Kafka, at a
 * steady 500 taps/s, and (2) taps per second through the one instance when taps arrive faster than it can go.
 * A tap's time ends when this benchmark's consumer holds both its ERP command and its reply: Kafka's delivery to a
 * reader is included, so it is an upper bound of the engine's own time (its {@code scenario_tap_to_command_seconds}
 * is printed beside it).
 */
public final class ScenariosBench {

    private static final String BUSINESS_NUMBER = "100000000000001";

    private ScenariosBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int rate = Integer.getInteger("bench.rate", 500);
        int steadySeconds = Integer.getInteger("bench.steadySeconds", 20);
        int warmUp = Integer.getInteger("bench.warmUpTaps", 20_000);
        int burst = Integer.getInteger("bench.burstTaps", 60_000);
        int steady = rate * steadySeconds;
        int orders = warmUp + steady + burst;
        System.out.printf("scenario-engine benchmark (machine: %d cores, shared with other work; load average %.1f)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongoUri = SharedMongoServer.connectionString("scenario-engine");
        int port = freePort();
        Process service = startService(jar, kafka, mongoUri, port);
        try (MongoClient mongo = MongoClients.create(mongoUri);
             KafkaProducer<String, TopicRecord> producer = producer(kafka);
             Results results = new Results(kafka)) {
            HttpClient http = HttpClient.newHttpClient();
            Instant since = Instant.now();
            awaitUntil(Duration.ofMinutes(3), () -> status(http, port, "/actuator/health/readiness") == 200);
            System.out.printf("service ready in %.1f s (port %d)%n",
                    Duration.between(since, Instant.now()).toMillis() / 1000.0, port);

            long seedStart = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                SalesOrder order = order(i);
                producer.send(new ProducerRecord<>(Topics.ERP_SALES_ORDERS, order.orderId(),
                        new SalesOrderCreated(UUID.randomUUID().toString(), Instant.now(), order)));
            }
            producer.flush();
            awaitUntil(Duration.ofMinutes(5), () -> mongo.getDatabase("scenario-engine").getCollection("orders")
                    .countDocuments() >= orders);
            System.out.printf("%,d orders in the engine's projection in %.1f s%n", orders,
                    (System.nanoTime() - seedStart) / 1e9);

            // 0. warm-up, not measured: the same taps, as fast as they go
            runBurst(producer, results, service, 0, warmUp, "warm-up");

            // 1. steady rate: one tap every 1/rate s, each its own customer and order
            long serviceCpu0 = cpuNanos(service);
            long benchCpu0 = benchCpuNanos();
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < steady; i++) {
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                publishTap(producer, results, warmUp + i);
            }
            producer.flush();
            awaitUntil(Duration.ofMinutes(2), () -> results.completed(warmUp, warmUp + steady) == steady);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] latencies = results.latencies(warmUp, warmUp + steady);
            System.out.printf("%n1. steady %d taps/s for %d s (%,d taps):%n", rate, steadySeconds, steady);
            System.out.printf("   tap -> ERP command and reply on Kafka: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
                            + "max %.1f ms   (anchor: p99 < 20 ms)%n", pct(latencies, 50), pct(latencies, 99),
                    pct(latencies, 99.9), latencies[latencies.length - 1] / 1e6);
            System.out.printf("   CPU: service %.1f s, broker + MongoDB + this benchmark %.1f s over %.1f s; load average"
                            + " %.1f%n",
                    (cpuNanos(service) - serviceCpu0) / 1e9, (benchCpuNanos() - benchCpu0) / 1e9, seconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            String metrics = body(http, port, "/actuator/prometheus");
            System.out.printf("   the engine's own scenario_tap_to_command_seconds{kind=erp}: %s%n",
                    engineQuantiles(metrics));

            // 2. burst: taps published faster than the engine takes them; taps/s from first tap to last result
            runBurst(producer, results, service, warmUp + steady, burst, "2. burst");
            metrics = body(http, port, "/actuator/prometheus");
            System.out.printf("   dead letters: %s, duplicates: %s%n", sum(metrics, "platform_kafka_dead_letters_total"),
                    sum(metrics, "scenario_tap_duplicates_total"));
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.exit(0);
    }

    private static void runBurst(KafkaProducer<String, TopicRecord> producer, Results results, Process service,
                                 int from, int count, String label) throws InterruptedException {
        long serviceCpu0 = cpuNanos(service);
        long benchCpu0 = benchCpuNanos();
        long start = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            publishTap(producer, results, i);
        }
        producer.flush();
        double published = (System.nanoTime() - start) / 1e9;
        awaitUntil(Duration.ofMinutes(10), () -> results.completed(from, from + count) == count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n%s: %,d taps published in %.1f s, all ERP commands and replies on Kafka after %.1f s:"
                        + " %,.0f taps/s   (anchor: >= 3,000 taps/s)%n", label, count, published, seconds,
                count / seconds);
        double serviceCpu = (cpuNanos(service) - serviceCpu0) / 1e9;
        double benchCpu = (benchCpuNanos() - benchCpu0) / 1e9;
        System.out.printf("   CPU: service %.1f s (%.0f us a tap), broker + MongoDB + this benchmark %.1f s (%.0f us a"
                        + " tap): the two cores would carry %,.0f taps/s if nothing else ran on them%n", serviceCpu,
                serviceCpu / count * 1e6, benchCpu, benchCpu / count * 1e6, 2 * count / (serviceCpu + benchCpu));
    }

    private static void publishTap(KafkaProducer<String, TopicRecord> producer, Results results, int i) {
        String waId = "22177" + String.format("%07d", i);
        String wamid = "wamid.BENCH" + i;
        Instant now = Instant.now();
        InboundMessageReceived tap = new InboundMessageReceived(UUID.randomUUID().toString(), now, BUSINESS_NUMBER,
                "+221 33 800 00 01", "200000000000001", waId, null, "Client " + i, wamid, now, "interactive", null,
                new InboundContent.ButtonReply("order:sale.order/" + i + ":confirm:v1", "Valider"));
        results.sent(i, System.nanoTime());
        producer.send(new ProducerRecord<>(Topics.INBOUND_MESSAGES, tap.key(), tap));
    }

    private static SalesOrder order(int i) {
        BigDecimal total = BigDecimal.valueOf(125_000 + i);
        return new SalesOrder("sale.order/" + i, "S" + (10_000 + i), "res.partner/" + i, "Client " + i,
                Instant.parse("2026-11-20T10:00:00Z"), LocalDate.parse("2026-12-20"), null,
                SalesOrderState.QUOTATION_SENT, "XOF", total, BigDecimal.ZERO, total,
                List.of(new DocumentLine("product/1", "Ciment 50 kg", null, BigDecimal.TEN, "sac",
                        total.divide(BigDecimal.TEN), BigDecimal.ZERO, total)), "Moussa", null, "company/1", "1");
    }

    /** Reads the engine's ERP commands and replies and notes, per tap, when both were there. */
    private static final class Results implements AutoCloseable {
        private final Map<Integer, long[]> taps = new ConcurrentHashMap<>(); // sent, erp seen, reply seen
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread poller;
        private final AtomicLong records = new AtomicLong();
        private volatile boolean running = true;

        Results(String kafka) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ERP_COMMANDS, Topics.OUTBOUND_COMMANDS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = Thread.ofPlatform().daemon().name("bench-results").start(this::poll);
        }

        void sent(int i, long at) {
            taps.put(i, new long[] {at, 0, 0});
        }

        private void poll() {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    records.incrementAndGet();
                    String json = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                    int at = json.indexOf("wamid.BENCH");
                    if (at < 0) {
                        continue;
                    }
                    int end = at + "wamid.BENCH".length();
                    while (end < json.length() && Character.isDigit(json.charAt(end))) {
                        end++;
                    }
                    long[] tap = taps.get(Integer.parseInt(json.substring(at + "wamid.BENCH".length(), end)));
                    if (tap != null) {
                        tap[record.topic().equals(Topics.ERP_COMMANDS) ? 1 : 2] = now;
                    }
                }
            }
            consumer.close(Duration.ZERO);
        }

        long completed(int from, int to) {
            long done = 0;
            for (int i = from; i < to; i++) {
                long[] tap = taps.get(i);
                if (tap != null && tap[1] != 0 && tap[2] != 0) {
                    done++;
                }
            }
            return done;
        }

        long[] latencies(int from, int to) {
            long[] all = new long[to - from];
            for (int i = from; i < to; i++) {
                long[] tap = taps.get(i);
                all[i - from] = Math.max(tap[1], tap[2]) - tap[0];
            }
            Arrays.sort(all);
            return all;
        }

        @Override
        public void close() {
            running = false;
            try {
                poller.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double pct(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String engineQuantiles(String metrics) {
        StringBuilder out = new StringBuilder();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("scenario_tap_to_command_seconds") && line.contains("kind=\"erp\"")
                    && line.contains("quantile=")) {
                String quantile = line.substring(line.indexOf("quantile=\"") + 10, line.indexOf('"',
                        line.indexOf("quantile=\"") + 10));
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                out.append(String.format("p%s %.1f ms  ", quantile.replace("0.", "").replace("5", "50"), value * 1000));
            }
        }
        return out.isEmpty() ? fromBuckets(metrics) : out.toString().strip();
    }

    /** Without client-side quantiles: the upper bounds of p50 and p99 from the histogram (since the engine started). */
    private static String fromBuckets(String metrics) {
        List<double[]> buckets = new ArrayList<>(); // le, cumulative count
        for (String line : metrics.split("\n")) {
            if (line.startsWith("scenario_tap_to_command_seconds_bucket") && line.contains("kind=\"erp\"")) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                buckets.add(new double[] {bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))});
            }
        }
        if (buckets.isEmpty()) {
            return "(not published)";
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = buckets.getLast()[1];
        StringBuilder out = new StringBuilder("histogram since start: ");
        for (double quantile : new double[] {0.5, 0.99}) {
            for (double[] bucket : buckets) {
                if (bucket[1] >= quantile * total) {
                    out.append(String.format("p%.0f <= %.1f ms  ", quantile * 100, bucket[0] * 1000));
                    break;
                }
            }
        }
        return out.toString().strip();
    }

    private static String sum(String metrics, String name) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return String.format("%.0f", total);
    }

    private static KafkaProducer<String, TopicRecord> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new CloudEventSerializer("/webhook-ingress"));
    }

    private static Process startService(Path jar, String kafka, String mongoUri, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = Path.of("bench/scenarios/target/service.log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        // e.g. SERVICE_JAVA_OPTS="-XX:StartFlightRecording=filename=bench/scenarios/target/engine.jfr" to profile
        String options = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local", "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                "--logging.level.root=WARN"));
        System.out.println("service log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUntil(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + atMost);
            }
            Thread.sleep(500); // a benchmark's poll loop, not a test (counting documents scans them)
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
