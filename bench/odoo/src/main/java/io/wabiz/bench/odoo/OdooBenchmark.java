package io.wabiz.bench.odoo;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The connector's jar (its own process) against the Odoo stand-in's jar (its own process, Odoo 17), the real
 * broker and the embedded MongoDB in this JVM; the figures come from when each {@code SalesOrderCreated} reached
 * a consumer here, by the order's key.
 */
public final class OdooBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SECRET = "bench-webhook-secret";

    /** When each order's first SalesOrderCreated arrived (nanoTime), by order id. */
    private final Map<String, Long> created = new ConcurrentHashMap<>();
    private volatile boolean collecting = true;
    private Process standIn;
    private Process connector;
    private String odooUrl;
    private int connectorPort;

    public static void main(String[] args) {
        try {
            new OdooBenchmark().run();
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1); // the broker's threads would keep a failed run's JVM alive
        }
    }

    private void run() throws Exception {
        System.out.printf("odoo-connector benchmark - %s, %d cores (shared with other work: figures are indicative)%n",
                Instant.now(), Runtime.getRuntime().availableProcessors());
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongo = SharedMongoServer.connectionString("odoo-connector-bench-" + UUID.randomUUID());
        Thread collector = Thread.ofPlatform().daemon().start(() -> collect(kafka));
        String parts = System.getProperty("bench.parts", "1,2,3");
        int orders = Integer.getInteger("bench.orders", 10_000);
        int lines = Integer.getInteger("bench.lines", 3);
        Duration poll = Duration.parse("PT" + System.getProperty("bench.pollInterval", "5s").toUpperCase());
        try {
            startStandIn();
            if (parts.contains("1")) {
                long made = System.nanoTime();
                post("/simulator/bulk/orders", "{\"count\": " + orders + ", \"linesPerOrder\": " + lines + "}");
                System.out.printf("%n1. initial sync: %,d orders of %d lines made in the stand-in (%,d ms)%n", orders,
                        lines, (System.nanoTime() - made) / 1_000_000);
            }
            long start = System.nanoTime();
            connector = startConnector(kafka, mongo, poll);
            long ready = awaitReady();
            if (parts.contains("1")) {
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (created.size() < orders && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                long last = created.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
                System.out.printf("   connector start to ready %,d ms; ready to the last of %,d SalesOrderCreated %,d ms;"
                                + " total %,d ms (goal: under 60,000 ms)%n", (ready - start) / 1_000_000,
                        created.size(), (last - ready) / 1_000_000, (last - start) / 1_000_000);
            }
            if (parts.contains("2")) {
                put("/simulator/automations", "[{\"model\": \"sale.order\", \"url\": \"http://localhost:" + connectorPort
                        + "/odoo/webhooks/" + SECRET + "\", \"fields\": [\"name\", \"state\", \"partner_id\", "
                        + "\"amount_total\", \"write_date\"]}]");
                latency("2. Odoo change -> SalesOrderCreated, automation webhooks on (goal: p99 under 2,000 ms)",
                        Duration.ofSeconds(2));
            }
            if (parts.contains("3")) {
                put("/simulator/automations", "[]");
                latency("3. Odoo change -> SalesOrderCreated, webhooks off, polling every " + poll.toMillis()
                        + " ms (goal: p99 under " + (poll.toMillis() + 1000) + " ms)", poll.plusSeconds(1));
            }
        } finally {
            collecting = false;
            collector.join(5_000);
            for (Process process : new Process[] {connector, standIn}) {
                if (process != null) {
                    process.destroy();
                    process.waitFor();
                }
            }
        }
    }

    /** Orders created one by one over JSON-RPC, as a person saves them in Odoo; the time to their event. */
    private void latency(String title, Duration goal) throws Exception {
        int samples = Integer.getInteger("bench.samples", 100);
        long gap = Long.getLong("bench.gapMs", 150);
        Histogram histogram = new Histogram(3_600_000L, 3);
        List<String> ids = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            String answer = rpc("sale.order", "create", "[{\"partner_id\": 42, \"order_line\": [[0, 0, {\"product_id\": "
                    + "88, \"product_uom_qty\": " + (1 + i % 9) + "}]]}]");
            ids.add("sale.order/" + answer.replaceAll(".*\"result\": (\\d+).*", "$1"));
            starts.add(start);
            Thread.sleep(gap);
        }
        long deadline = System.nanoTime() + goal.multipliedBy(10).plusSeconds(30).toNanos();
        while (ids.stream().anyMatch(id -> !created.containsKey(id)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int missing = 0;
        for (int i = 0; i < ids.size(); i++) {
            Long at = created.get(ids.get(i));
            if (at == null) {
                missing++;
            } else {
                histogram.recordValue(Math.max(0, (at - starts.get(i)) / 1_000_000));
            }
        }
        System.out.printf("%n%s%n   %d orders, %d missing: p50 %,d ms, p90 %,d ms, p99 %,d ms, max %,d ms -> %s%n",
                title, samples, missing, histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getMaxValue(),
                missing == 0 && histogram.getValueAtPercentile(99) < goal.toMillis() ? "met" : "NOT met");
    }

    private void collect(String kafka) {
        CloudEventDeserializer events = new CloudEventDeserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ERP_SALES_ORDERS));
            while (collecting) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long at = System.nanoTime();
                    TopicRecord event = events.deserialize(record.topic(), record.headers(), record.value());
                    if (event instanceof SalesOrderCreated createdEvent) {
                        created.putIfAbsent(createdEvent.order().orderId(), at);
                    }
                }
            }
        }
    }

    private void startStandIn() throws Exception {
        int port = freePort();
        odooUrl = "http://localhost:" + port;
        File log = new File(System.getProperty("bench.logs", "target"), "odoo-stand-in.log");
        standIn = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx1500m", "-XX:+UseZGC",
                "-jar", System.getProperty("bench.standInJar"), "--server.port=" + port,
                "--logging.structured.format.console=", "--logging.level.io.wabiz=WARN")
                .redirectErrorStream(true).redirectOutput(log).start();
        awaitHttp(odooUrl + "/actuator/health", standIn, log);
        System.out.println("Odoo stand-in: " + odooUrl + " (log " + log + ")");
    }

    private Process startConnector(String kafka, String mongo, Duration poll) throws IOException {
        connectorPort = freePort();
        File log = new File(System.getProperty("bench.logs", "target"), "odoo-connector.log");
        System.out.println("connector log: " + log);
        return new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx768m",
                "-jar", System.getProperty("bench.connectorJar"),
                "--server.port=" + connectorPort,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + mongo,
                "--odoo.connection.url=" + odooUrl,
                "--odoo.connection.database=wabiz",
                "--odoo.connection.login=api-user",
                "--odoo.connection.api-key=local-odoo-api-key",
                "--odoo.webhooks.secret=" + SECRET,
                "--odoo.companies[0].id=1",
                "--odoo.companies[0].time-zone=Africa/Dakar",
                "--odoo.sync.poll-interval=" + poll.toMillis() + "ms",
                "--logging.level.io.wabiz=WARN",
                "--logging.level.io.wabiz.odoo.sync.ChangeSync=INFO",
                "--logging.structured.format.console=")
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private long awaitReady() throws Exception {
        awaitHttp("http://localhost:" + connectorPort + "/actuator/health/readiness", connector,
                new File(System.getProperty("bench.logs", "target"), "odoo-connector.log"));
        return System.nanoTime();
    }

    private static void awaitHttp(String url, Process process, File log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + " died, see " + log + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(url + " did not answer, see " + log);
    }

    private static String tail(File log) throws IOException {
        List<String> lines = Files.readAllLines(log.toPath());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private String rpc(String model, String method, String args) throws Exception {
        String body = "{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"id\": 1, \"params\": {\"service\": \"object\", "
                + "\"method\": \"execute_kw\", \"args\": [\"wabiz\", 2, \"local-odoo-api-key\", \"" + model + "\", \""
                + method + "\", " + args + ", {}]}}";
        return send("POST", "/jsonrpc", body);
    }

    private void post(String path, String body) throws Exception {
        send("POST", path, body);
    }

    private void put(String path, String body) throws Exception {
        send("PUT", path, body);
    }

    private String send(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(odooUrl + path))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300 || answer.body().contains("\"error\"")) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
