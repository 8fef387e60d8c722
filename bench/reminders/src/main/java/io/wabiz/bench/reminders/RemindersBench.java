package io.wabiz.bench.reminders;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.kafka.CloudEventSerializer;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Runs the reminder-scheduler jar against a real KRaft broker and the embedded MongoDB server (both in this JVM),
 * fills its projection with open invoices through {@code erp.invoices} and {@code erp.partners}, then measures, on
 * the day every one of them has a level due: (1) the day's plan (the admin dry run, the same planner the run uses),
 * (2) the run: every command claimed in the reminder log and acknowledged by Kafka, counted on
 * {@code whatsapp.outbound.commands} by this JVM, and (3) the service's peak resident memory.
 */
public final class RemindersBench {

    private static final String COMPANY = "res.company/1";
    private static final String TOKEN = "bench-admin-token";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 10); // a Wednesday
    private static final Random RANDOM = new Random(42);

    private RemindersBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int invoices = Integer.parseInt(args[1]);
        int partners = Math.max(1, invoices / 20);
        // the service's JVM options, as its container runs them unless a manifest says otherwise (SERVICE_JAVA_OPTS)
        String heap = System.getProperty("bench.serviceJavaOpts", "-Xmx200m -XX:+UseSerialGC");
        System.out.printf("reminder-scheduler benchmark: %,d open invoices, %,d partners (machine: %d cores, shared"
                + " with other work; load average %s)%n", invoices, partners,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongoUri = SharedMongoServer.connectionString("reminder-scheduler");
        int port = freePort();
        Process service = startService(jar, kafka, mongoUri, port, heap);
        HttpClient http = HttpClient.newHttpClient();
        try (MongoClient mongo = MongoClients.create(mongoUri);
             KafkaProducer<String, TopicRecord> producer = producer(kafka)) {
            Instant startedAt = Instant.now();
            awaitUntil(Duration.ofMinutes(4), () -> status(http, port, "/actuator/health/readiness") == 200);
            System.out.printf("service ready in %.1f s (port %d, %s, MALLOC_ARENA_MAX=%s)%n", seconds(startedAt), port,
                    heap, System.getProperty("bench.mallocArenaMax", "2"));
            put(http, port, "/admin/clock", "{\"now\":\"" + LocalDateTime.of(DAY, java.time.LocalTime.of(9, 0))
                    .atZone(ZoneId.of("Africa/Dakar")).toInstant() + "\"}");

            // 0. the projection: partners and invoices through the topics, as the ERP publishes them
            Instant seeding = Instant.now();
            seed(producer, invoices, partners);
            var projected = mongo.getDatabase("reminder-scheduler").getCollection("invoices");
            awaitUntil(Duration.ofMinutes(15), () -> projected.countDocuments() >= invoices
                    && mongo.getDatabase("reminder-scheduler").getCollection("partners").countDocuments() >= partners);
            double seedSeconds = seconds(seeding);
            System.out.printf("projection: %,d invoices and %,d partners from the topics in %.1f s (%,.0f events/s)%n",
                    invoices, partners, seedSeconds, (invoices + partners) / seedSeconds);

            // 1. the day's plan (dry run): twice, the second one warm
            List<String> planLines = new ArrayList<>();
            JsonNode plan = null;
            for (int round = 1; round <= 2; round++) {
                Instant asked = Instant.now();
                plan = get(http, port, "/admin/plan?company=" + COMPANY.replace("/", "%2F") + "&limit=0");
                planLines.add(String.format("plan %d: %,d planned of %,d open in %.2f s (planner %,d ms)", round,
                        plan.path("planned").asInt(), plan.path("examined").asInt(), seconds(asked),
                        plan.path("tookMillis").asLong()));
            }
            planLines.forEach(System.out::println);
            int planned = plan.path("planned").asInt();

            // 2. the run: every command published (claimed in the log, acknowledged by Kafka), counted on the topic
            long cpuBefore = cpuNanos(service);
            try (KafkaConsumer<String, byte[]> commands = consumerAtEnd(kafka)) {
                Instant asked = Instant.now();
                var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> post(http, port,
                        "/admin/runs?company=" + COMPANY.replace("/", "%2F")));
                int seen = 0;
                Instant lastSeen = asked;
                while (seen < planned && seconds(asked) < 600) {
                    int got = commands.poll(Duration.ofMillis(200)).count();
                    if (got > 0) {
                        seen += got;
                        lastSeen = Instant.now();
                    }
                }
                JsonNode outcome = run.get();
                double runSeconds = seconds(asked);
                double lastCommand = Duration.between(asked, lastSeen).toMillis() / 1000.0;
                double cpu = (cpuNanos(service) - cpuBefore) / 1e9;
                System.out.printf("run: %s, %,d published, answered in %.1f s; %,d commands on the topic, the last"
                                + " %.1f s after the request (%,.0f/s); service CPU %.1f s%n",
                        outcome.path("status").asString(), outcome.path("counts").path("published").asInt(),
                        runSeconds, seen, lastCommand, seen / lastCommand, cpu);

                long peak = rssKb(service, "VmHWM");
                long now = rssKb(service, "VmRSS");
                System.out.println();
                System.out.println("| | anchor | measured |");
                System.out.println("|---|---|---|");
                System.out.printf("| day's plan, %,d open invoices (warm) | < 10 s | %.2f s |%n", invoices,
                        plan.path("tookMillis").asLong() / 1000.0);
                System.out.printf("| every command published | < 30 s | %.1f s (%,d commands) |%n", lastCommand,
                        seen);
                System.out.printf("| service peak RSS (VmHWM) | < 384 MB | %,d MB (now %,d MB) |%n", peak / 1024,
                        now / 1024);
                if (seen != planned || outcome.path("counts").path("published").asInt() != planned) {
                    System.out.printf("MISMATCH: planned %d, published %d, on the topic %d%n", planned,
                            outcome.path("counts").path("published").asInt(), seen);
                    System.exit(1);
                }
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.exit(0);
    }

    /** Invoices due 3 to 60 days before the day (each has a level due: 3, 10 or 30), partners in fr, en, wo. */
    private static void seed(KafkaProducer<String, TopicRecord> producer, int invoices, int partners)
            throws Exception {
        Instant erpTime = Instant.parse("2026-04-01T08:00:00Z");
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
        String[] languages = {"fr_FR", "fr_SN", "en_US", "wo_SN"};
        for (int p = 0; p < partners; p++) {
            String phone = "+221 77 " + String.format("%07d", 1_000_000 + p);
            sends.add(send(producer, new PartnerUpserted(UUID.randomUUID().toString(), erpTime, "res.partner/" + p,
                    "Client " + p, "Entreprise " + p, List.of(phone), null, languages[p % languages.length], "SN",
                    OptInState.OPTED_IN, true, COMPANY)));
        }
        for (int i = 0; i < invoices; i++) {
            LocalDate due = DAY.minusDays(3 + RANDOM.nextInt(58));
            BigDecimal residual = BigDecimal.valueOf(5_000 + RANDOM.nextInt(500_000));
            Invoice invoice = new Invoice("account.move/" + i, "INV/2026/" + String.format("%06d", i),
                    "res.partner/" + RANDOM.nextInt(partners), "Client", due.minusDays(30), due, "XOF", residual,
                    BigDecimal.ZERO, residual, residual, PaymentState.NOT_PAID, "INV/2026/" + i, null, List.of(),
                    List.of(), COMPANY, "1", false, List.of());
            sends.add(send(producer, new InvoicePosted(UUID.randomUUID().toString(), erpTime, invoice)));
            if (sends.size() >= 5_000) {
                for (var sent : sends) {
                    sent.get();
                }
                sends.clear();
            }
        }
        for (var sent : sends) {
            sent.get();
        }
    }

    private static java.util.concurrent.Future<?> send(KafkaProducer<String, TopicRecord> producer,
                                                        TopicRecord record) {
        return producer.send(new ProducerRecord<>(TopicCatalogue.carrying(record.getClass()).topic(), record.key(),
                record));
    }

    private static Process startService(Path jar, String kafka, String mongoUri, int port, String heap)
            throws IOException {
        Path logs = Path.of("bench", "reminders", "target");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(heap.strip().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("spring.mongodb.uri", mongoUri);
        settings.put("spring.kafka.bootstrap-servers", kafka);
        settings.put("logging.structured.format.console", "");
        settings.put("reminders.default-business-phone-number-id", "100000000000001");
        settings.put("reminders.links.signing-key", "bench-link-signing-key-not-a-secret-0123456789");
        settings.put("reminders.clock.adjustable", "true");
        settings.put("reminders.run.scheduler-enabled", "false");
        settings.put("reminders.defaults.quiet-hours", "none");
        settings.put("reminders.security.static-tokens[0].token", TOKEN);
        settings.put("reminders.security.static-tokens[0].user", "bench");
        settings.put("reminders.security.static-tokens[0].roles[0]", "admin");
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        File log = logs.resolve("reminder-scheduler.log").toFile();
        System.out.println("service log: " + log);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("MALLOC_ARENA_MAX", System.getProperty("bench.mallocArenaMax", "2")); // as the images set it
        return builder.start();
    }

    private static KafkaProducer<String, TopicRecord> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new CloudEventSerializer("/bench"));
    }

    private static KafkaConsumer<String, byte[]> consumerAtEnd(String kafka) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND_COMMANDS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static JsonNode get(HttpClient http, int port, String path) {
        return call(http, HttpRequest.newBuilder(uri(port, path)).GET());
    }

    private static JsonNode post(HttpClient http, int port, String path) {
        return call(http, HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static void put(HttpClient http, int port, String path, String json) {
        call(http, HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode call(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + TOKEN)
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitUntil(Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not reached within " + within);
            }
            Thread.sleep(200); // a benchmark's poll loop, not a test
        }
    }

    private static long rssKb(Process process, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
