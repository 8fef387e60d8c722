package io.wabiz.bench.notifier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
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
 * Runs the billing-notifier jar against a real KRaft broker and the embedded MongoDB server (both in this JVM, as
 * in the tests and the local stack), then measures SalesOrderCreated on Kafka to SendMessage on Kafka: the latency
 * at a paced rate, the most orders per second one instance turns into commands, and the service's memory. Latency
 * is the difference of the two records' Kafka timestamps (set by each producer when it sends).
 */
public final class NotifierBench {

    private static final String COMPANY = "1";

    private final String kafka = SharedKafkaBroker.bootstrapServers();
    private final KafkaProducer<String, TopicRecord> producer;
    private final Map<String, Long> orderSentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> latencyMicros = new ConcurrentHashMap<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong lastCommandNanos = new AtomicLong();
    private volatile boolean running = true;
    private int partners;
    private long peakRss;

    private NotifierBench() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new CloudEventSerializer("/bench"));
    }

    public static void main(String[] args) throws Exception {
        new NotifierBench().run();
        System.out.flush();
        SharedKafkaBroker.broker().destroy(); // before the JVM's hooks, which would race the broker's own shutdown
        Runtime.getRuntime().halt(0);
    }

    private void run() throws Exception {
        partners = Integer.getInteger("bench.partners", 5000);
        int warmUp = Integer.getInteger("bench.warmUpOrders", 20000);
        int pacedRate = Integer.getInteger("bench.pacedRate", 500);
        int pacedSeconds = Integer.getInteger("bench.pacedSeconds", 20);
        int burst = Integer.getInteger("bench.burstOrders", 40000);
        System.out.printf("billing-notifier benchmark (machine: %d cores, shared with the broker, MongoDB and this"
                + " producer)%n", Runtime.getRuntime().availableProcessors());
        String mongoUri = SharedMongoServer.connectionString("billing-notifier");
        int port = freePort();
        Process service = startService(mongoUri, port);
        Thread watcher = Thread.ofPlatform().daemon().name("commands").start(this::watchCommands);
        Thread memory = Thread.ofPlatform().daemon().name("rss").start(() -> sampleRss(service));
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            HttpClient http = HttpClient.newHttpClient();
            long starting = System.nanoTime();
            awaitUntil(Duration.ofMinutes(3), () -> status(http, port, "/actuator/health/readiness") == 200);
            System.out.printf("service ready in %.1f s, %s resident%n", (System.nanoTime() - starting) / 1e9,
                    mb(rss(service)));

            for (int i = 0; i < partners; i++) {
                producer.send(record(new PartnerUpserted(UUID.randomUUID().toString(), Instant.now(), "P" + i,
                        "Client " + i, "Entreprise " + i, List.of(String.format("77%07d", i)), null,
                        i % 3 == 0 ? "en_US" : "fr_SN", "SN", OptInState.OPTED_IN, true, COMPANY)));
            }
            producer.flush();
            var partnerCollection = mongo.getDatabase("billing-notifier").getCollection("partners");
            awaitUntil(Duration.ofMinutes(5), () -> partnerCollection.countDocuments() >= partners);
            System.out.printf("%,d partners projected%n", partners);

            paced("warm-up (not counted)", warmUp, 1000, false);
            Histogram paced = paced("paced", pacedRate * pacedSeconds, pacedRate, true);
            print("paced " + pacedRate + " orders/s for " + pacedSeconds + " s", paced);
            System.out.printf("  anchor: p99 < 20 ms at 500 orders/s -> %s%n",
                    paced.getValueAtPercentile(99) / 1000.0 < 20 ? "met" : "NOT met");

            long cpuBefore = cpuNanos(service);
            long benchCpuBefore = benchCpuNanos();
            long before = commands.get();
            List<String> ids = new ArrayList<>(burst);
            for (int i = 0; i < burst; i++) {
                ids.add("B" + i);
            }
            long start = System.nanoTime();
            for (String id : ids) {
                send(id);
            }
            producer.flush();
            double published = (System.nanoTime() - start) / 1e9;
            awaitUntil(Duration.ofMinutes(5), () -> commands.get() - before >= burst);
            double seconds = (lastCommandNanos.get() - start) / 1e9;
            double cpu = (cpuNanos(service) - cpuBefore) / 1e9;
            double benchCpu = (benchCpuNanos() - benchCpuBefore) / 1e9;
            System.out.printf("burst: %,d orders published in %.2f s, all %,d commands on Kafka after %.2f s:"
                    + " %,.0f orders/s through one instance (anchor >= 2,000/s -> %s)%n", burst, published, burst,
                    seconds, burst / seconds, burst / seconds >= 2000 ? "met" : "NOT met");
            System.out.printf("burst: service CPU %.1f s for %.1f s of wall time (%.0f%% of one core), %.2f ms CPU per"
                    + " order%n", cpu, seconds, 100 * cpu / seconds, 1000 * cpu / burst);
            System.out.printf("burst: broker + embedded MongoDB + this producer CPU %.1f s (%.2f ms per order); on two"
                    + " cores of their own the three would need at least %.1f s (%,.0f orders/s)%n", benchCpu,
                    1000 * benchCpu / burst, (cpu + benchCpu) / 2, burst / ((cpu + benchCpu) / 2));
            Histogram burstLatency = histogram(ids);
            print("burst (queueing included)", burstLatency);

            long expected = partners > 0 ? warmUp + (long) pacedRate * pacedSeconds + burst : 0;
            System.out.printf("commands: %,d for %,d orders, %,d distinct idempotency keys (duplicates: %,d)%n",
                    commands.get(), expected, keys.size(), commands.get() - keys.size());
            var notifications = mongo.getDatabase("billing-notifier").getCollection("notifications");
            System.out.printf("notification log: %,d entries%n", notifications.countDocuments());
            System.out.printf("memory: service RSS peak %s, now %s (anchor < 256 MB -> %s); JVM options %s%n",
                    mb(peakRss), mb(rss(service)), peakRss < 256L * 1024 * 1024 ? "met" : "NOT met",
                    System.getProperty("bench.serviceJavaOpts"));
            printServiceTimer(body(http, port, "/actuator/prometheus"));
            printNativeMemory(service);
        } finally {
            running = false;
            service.destroy();
            service.waitFor();
            watcher.join(2000);
            memory.interrupt();
        }
    }

    /** Publishes {@code orders} at {@code rate} per second and waits for their commands. */
    private Histogram paced(String label, int orders, int rate, boolean measure) {
        String prefix = label.charAt(0) + UUID.randomUUID().toString().substring(0, 6) + "-";
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        List<String> ids = new ArrayList<>(orders);
        long before = commands.get();
        for (int i = 0; i < orders; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = prefix + i;
            ids.add(id);
            send(id);
            next += interval;
        }
        producer.flush();
        awaitUntil(Duration.ofMinutes(5), () -> commands.get() - before >= orders);
        if (!measure) {
            System.out.printf("%s: %,d orders at %d/s%n", label, orders, rate);
        }
        return histogram(ids);
    }

    private Histogram histogram(List<String> ids) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (String id : ids) {
            Long micros = latencyMicros.get(id);
            if (micros != null) {
                histogram.recordValue(Math.max(0, micros));
            }
        }
        return histogram;
    }

    private static void print(String label, Histogram h) {
        System.out.printf("%s: %,d orders, SalesOrderCreated -> SendMessage on Kafka p50 %.1f ms, p90 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", label, h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private void send(String orderId) {
        int partner = Math.floorMod(orderId.hashCode(), partners);
        BigDecimal total = new BigDecimal(125_000 + (orderId.hashCode() & 0xffff));
        SalesOrder order = new SalesOrder(orderId, "S" + orderId, "P" + partner, "Entreprise " + partner,
                Instant.now(), null, null, SalesOrderState.QUOTATION_SENT, "XOF", total, BigDecimal.ZERO, total,
                List.of(new DocumentLine("p1", "Ciment CPA 42,5", null, BigDecimal.TEN, "sac", new BigDecimal("5000"),
                                null, new BigDecimal("50000")),
                        new DocumentLine("p2", "Fer à béton 10 mm", null, BigDecimal.ONE, "t", new BigDecimal("75000"),
                                null, new BigDecimal("75000"))), "Moussa Ndiaye", null, COMPANY, "1");
        long now = System.currentTimeMillis();
        orderSentAt.put(orderId, now);
        SalesOrderCreated created = new SalesOrderCreated(UUID.randomUUID().toString(), Instant.ofEpochMilli(now),
                order);
        producer.send(new ProducerRecord<>(Topics.ERP_SALES_ORDERS, null, now, created.key(), created));
    }

    private static ProducerRecord<String, TopicRecord> record(TopicRecord record) {
        return new ProducerRecord<>(TopicCatalogue.carrying(record.getClass()).topic(), record.key(), record);
    }

    /**
     * Every command on the topic, with the order it is for and its Kafka timestamp. The broker answers this
     * consumer's fetch as soon as a command arrives (fetch.min.bytes 1); a short fetch.max.wait would only have it
     * ask again and again while idle, on the cores the notifier is measured on.
     */
    private void watchCommands() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, "bench-watcher",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND_COMMANDS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    SendMessage command = EventJson.fromJson(record.value(), SendMessage.class);
                    String orderId = command.correlation().documentId();
                    Long sentAt = orderSentAt.get(orderId);
                    if (sentAt != null) {
                        latencyMicros.putIfAbsent(orderId, (record.timestamp() - sentAt) * 1000);
                    }
                    keys.add(command.idempotencyKey());
                    lastCommandNanos.set(System.nanoTime());
                    commands.incrementAndGet();
                }
            }
        }
    }

    private void sampleRss(Process service) {
        while (!Thread.currentThread().isInterrupted()) {
            peakRss = Math.max(peakRss, rss(service));
            try {
                Thread.sleep(200); // a sampler's period, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long rss(Process process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** With -XX:NativeMemoryTracking=summary in the service's options: where its resident memory goes. */
    private static void printNativeMemory(Process service) {
        if (!System.getProperty("bench.serviceJavaOpts", "").contains("NativeMemoryTracking")) {
            return;
        }
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "VM.native_memory",
                    "summary", "scale=MB").redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes());
            run.waitFor();
            System.out.println("service native memory (committed, MB):");
            out.lines().filter(l -> l.matches("\\s*(Total|-\\s+\\w[\\w ]*) \\(reserved=.*"))
                    .map(l -> l.replaceAll("\\(reserved=\\d+MB, ", "(").trim()).forEach(l -> System.out.println("  " + l));
        } catch (IOException e) {
            System.out.println("no jcmd: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long benchCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String mb(long bytes) {
        return String.format("%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static void printServiceTimer(String metrics) {
        // the service's own view: ERP record timestamp to command acknowledged (its histogram's count and sum)
        double count = 0;
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("notifier_event_to_command_seconds_count")) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("notifier_event_to_command_seconds_sum")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        if (count > 0) {
            System.out.printf("service's own timer (record timestamp -> command acknowledged): %,.0f commands, mean"
                    + " %.1f ms%n", count, 1000 * sum / count);
        }
    }

    private Process startService(String mongoUri, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = Path.of(System.getProperty("bench.logs", "bench/notifier/target"), "service.log").toFile();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(Arrays.asList(System.getProperty("bench.serviceJavaOpts", "").trim().split("\\s+")));
        command.addAll(List.of("-jar", System.getProperty("bench.notifierJar"),
                "--spring.profiles.active=local", "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                "--logging.level.root=WARN"));
        command.removeIf(String::isBlank);
        System.out.println("service log: " + log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        // glibc's per-thread malloc arenas are tens of MB of RSS for a JVM with many threads (as deployed)
        builder.environment().put("MALLOC_ARENA_MAX", System.getProperty("bench.mallocArenaMax", "2"));
        return builder.start();
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
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
            return "";
        }
    }

    private static void awaitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
