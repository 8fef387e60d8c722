package io.wabiz.bench.conversations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Runs the conversation-service jar against a real KRaft broker and the embedded MongoDB server, then
 * measures (1) messages stored per second from the topics, with three status records per message (a
 * sent/delivered/read per send, each published twice and partly out of order), and (2) the time of the
 * conversation-history query over HTTP once the store holds the given total of messages.
 */
public final class ConversationsBench {

    private static final String BUSINESS_NUMBER = "100000000000001";
    private static final int CONVERSATIONS = 1_000;
    private static final String TOKEN = "local-agent-token";
    private static final Random RANDOM = new Random(42);

    private ConversationsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int ingestMessages = Integer.parseInt(args[1]);
        int totalMessages = Integer.parseInt(args[2]);
        System.out.printf("conversation-service benchmark (machine: %d cores, shared with other work)%n",
                Runtime.getRuntime().availableProcessors());
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongoUri = SharedMongoServer.connectionString("conversation-service");
        int port = freePort();
        Process service = startService(jar, kafka, mongoUri, port);
        try (MongoClient mongo = MongoClients.create(mongoUri);
             KafkaProducer<String, TopicRecord> producer = producer(kafka)) {
            HttpClient http = HttpClient.newHttpClient();
            Instant readySince = Instant.now();
            awaitUntil(Duration.ofMinutes(3), () -> status(http, port, "/actuator/health/readiness", null) == 200);
            System.out.printf("service ready in %.1f s (port %d)%n",
                    Duration.between(readySince, Instant.now()).toMillis() / 1000.0, port);
            MongoCollection<Document> messages = mongo.getDatabase("conversation-service").getCollection("messages");

            // 0. warm-up (not timed): the same mix, WARM_UP_MESSAGES of it (default in the run script)
            Instant base = Instant.now().minus(Duration.ofDays(60));
            int warmUp = Integer.getInteger("bench.warmUpMessages", ingestMessages / 5);
            List<TopicRecord> warmUpRecords = ingestRecords(-warmUp, 0, base);
            publish(producer, warmUpRecords);
            awaitProcessed(http, port, warmUp, warmUpRecords.size() - warmUp);
            System.out.printf("warm-up: %,d messages stored%n", warmUp);

            // 1. ingest: half customer messages, half accepted sends with sent/delivered/read, statuses twice
            List<TopicRecord> records = ingestRecords(0, ingestMessages, base);
            long statuses = records.stream().filter(r -> r instanceof MessageStatusChanged).count();
            int outbound = ingestMessages / 2;
            int inbound = ingestMessages - outbound;
            long serviceCpuBefore = cpuNanos(service);
            long benchCpuBefore = benchCpuNanos();
            long start = System.nanoTime();
            publish(producer, records);
            long published = System.nanoTime();
            awaitProcessed(http, port, warmUp + ingestMessages, warmUpRecords.size() - warmUp + statuses);
            long done = System.nanoTime();
            long read = messages.countDocuments(new Document("statusRank", 3));
            long inboundStored = messages.countDocuments(new Document("direction", "INBOUND"));
            if (read != outbound + warmUp / 2 || inboundStored != inbound + warmUp / 2) {
                throw new IllegalStateException("store disagrees: " + read + " read, " + inboundStored + " inbound");
            }
            double seconds = (done - start) / 1e9;
            System.out.printf("ingest: %,d messages + %,d status records (%.1fx) published in %.2f s, all stored"
                            + " with final status after %.2f s%n", ingestMessages, statuses,
                    statuses / (double) ingestMessages, (published - start) / 1e9, seconds);
            System.out.printf("ingest: %,.0f messages/s stored (%,.0f records/s consumed); target 5,000 messages/s%n",
                    ingestMessages / seconds, (ingestMessages + statuses) / seconds);
            double serviceCpu = (cpuNanos(service) - serviceCpuBefore) / 1e9;
            double benchCpu = (benchCpuNanos() - benchCpuBefore) / 1e9;
            System.out.printf("ingest CPU: service %.1f s, broker + MongoDB + producer %.1f s, for %.1f s of wall time;"
                            + " on 2 cores of its own the same work would take at least %.1f s (%,.0f messages/s)%n",
                    serviceCpu, benchCpu, seconds, (serviceCpu + benchCpu) / 2,
                    ingestMessages / ((serviceCpu + benchCpu) / 2));

            printListenerTimes(body(http, port, "/actuator/prometheus"));

            // 2. fill the store up to the total, then time the history query
            if (totalMessages > ingestMessages + warmUp) {
                List<TopicRecord> more = fillRecords(ingestMessages, totalMessages - warmUp, base);
                long fillStart = System.nanoTime();
                publish(producer, more);
                awaitProcessed(http, port, totalMessages, 0);
                System.out.printf("fill: %,d more messages stored in %.1f s (%,.0f messages/s)%n", more.size(),
                        (System.nanoTime() - fillStart) / 1e9, more.size() / ((System.nanoTime() - fillStart) / 1e9));
            }
            long stored = messages.countDocuments(new Document("direction", new Document("$exists", true)));
            System.out.printf("history query at %,d messages in %,d conversations:%n", stored, CONVERSATIONS);
            time(http, port, "GET /api/conversations/{id}/messages?order=desc&size=50 (newest page of one chat)",
                    () -> "/api/conversations/" + BUSINESS_NUMBER + ":" + waId(RANDOM.nextInt(CONVERSATIONS))
                            + "/messages?order=desc&size=50");
            time(http, port, "GET /api/messages?contact=...&status=READ&size=50 (search across conversations)",
                    () -> "/api/messages?contact=%2B" + waId(RANDOM.nextInt(CONVERSATIONS)) + "&status=READ&size=50");
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.out.flush();
        SharedKafkaBroker.broker().destroy(); // before the JVM's hooks, which would race the broker's own shutdown
        Runtime.getRuntime().halt(0);
    }

    /** Waits until the service's own counters show every message stored and every status record handled. */
    private static void awaitProcessed(HttpClient http, int port, long messages, long statusRecords)
            throws InterruptedException {
        awaitUntil(Duration.ofMinutes(15), () -> {
            String metrics = body(http, port, "/actuator/prometheus");
            return sum(metrics, "conversations_messages_stored_total", "") >= messages
                    && sum(metrics, "conversations_statuses_applied_total", "")
                    + sum(metrics, "conversations_statuses_out_of_order_total", "")
                    + sum(metrics, "conversations_duplicates_ignored_total", "MessageStatusChanged") >= statusRecords;
        });
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Where the service spent its consuming time: batches per listener and mean time per batch. */
    private static void printListenerTimes(String metrics) {
        for (String listener : List.of("conversations-inbound", "conversations-statuses", "conversations-outcomes")) {
            double count = sum(metrics, "spring_kafka_listener_seconds_count", "\"" + listener);
            double seconds = sum(metrics, "spring_kafka_listener_seconds_sum", "\"" + listener);
            System.out.printf("  %s: %,.0f batches, %.1f ms per batch, %.1f s in all%n", listener, count,
                    count == 0 ? 0 : seconds * 1000 / count, seconds);
        }
    }

    private static double sum(String metrics, String name, String labelContains) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name) && line.contains(labelContains)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static String body(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void time(HttpClient http, int port, String label, java.util.function.Supplier<String> paths) {
        for (int i = 0; i < 20; i++) {
            status(http, port, paths.get(), TOKEN); // warm-up
        }
        int samples = 300;
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            String path = paths.get();
            long t = System.nanoTime();
            int status = status(http, port, path, TOKEN);
            nanos[i] = System.nanoTime() - t;
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("  %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)%n", label,
                nanos[samples / 2] / 1e6, nanos[samples * 90 / 100] / 1e6, nanos[samples * 99 / 100] / 1e6,
                nanos[samples - 1] / 1e6, samples);
    }

    private static List<TopicRecord> ingestRecords(int from, int to, Instant base) {
        List<TopicRecord> records = new ArrayList<>();
        List<TopicRecord> duplicates = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String waId = waId(Math.floorMod(i, CONVERSATIONS));
            Instant at = base.plusSeconds(i);
            String wamid = "wamid.BENCH" + i;
            if (Math.floorMod(i, 2) == 0) {
                records.add(inbound(waId, wamid, at, i));
            } else {
                records.add(accepted(waId, wamid, at, i));
                for (DeliveryStatus s : List.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ)) {
                    MessageStatusChanged status = status(waId, wamid, s, at.plusSeconds(1 + s.ordinal()));
                    records.add(status);
                    duplicates.add(status);
                }
            }
        }
        // Meta's retries: every status again, later, and the stream locally out of order
        Collections.shuffle(duplicates, RANDOM);
        records.addAll(duplicates);
        for (int i = 0; i < records.size(); i++) {
            int j = Math.min(records.size() - 1, i + RANDOM.nextInt(20));
            Collections.swap(records, i, j);
        }
        return records;
    }

    private static List<TopicRecord> fillRecords(int from, int to, Instant base) {
        List<TopicRecord> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String waId = waId(i % CONVERSATIONS);
            Instant at = base.plusSeconds(i);
            records.add(i % 2 == 0 ? inbound(waId, "wamid.BENCH" + i, at, i) : accepted(waId, "wamid.BENCH" + i, at, i));
        }
        return records;
    }

    private static InboundMessageReceived inbound(String waId, String wamid, Instant at, int i) {
        return new InboundMessageReceived(UUID.randomUUID().toString(), at, BUSINESS_NUMBER, "+221 33 800 00 01",
                "200000000000001", waId, null, "Client " + waId.substring(7), wamid, at, "text", null,
                new InboundContent.Text("Bonjour, question numero " + i + " sur ma facture"));
    }

    private static MessageAccepted accepted(String waId, String wamid, Instant at, int i) {
        return new MessageAccepted(UUID.randomUUID().toString(), at, UUID.randomUUID().toString(), "bench:" + i,
                BUSINESS_NUMBER, waId, wamid, SendForm.FREE_FORM,
                new OutboundContent.Text("Votre facture numero " + i + " est disponible", false),
                new Correlation(null, null, null, Correlation.Origin.AUTOMATION, "billing-notifier"), null);
    }

    private static MessageStatusChanged status(String waId, String wamid, DeliveryStatus status, Instant at) {
        return new MessageStatusChanged(UUID.randomUUID().toString(), at, BUSINESS_NUMBER, waId, wamid, status, at,
                null, null, new MessageStatusChanged.Pricing(true, "utility", "PMP", "regular"), List.of());
    }

    private static String waId(int conversation) {
        return "22177" + (1_000_000 + conversation);
    }

    private static void publish(KafkaProducer<String, TopicRecord> producer, List<TopicRecord> records) {
        for (TopicRecord record : records) {
            producer.send(new ProducerRecord<>(TopicCatalogue.carrying(record.getClass()).topic(), record.key(), record));
        }
        producer.flush();
    }

    private static KafkaProducer<String, TopicRecord> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new CloudEventSerializer("/bench"));
    }

    private static Process startService(Path jar, String kafka, String mongoUri, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = Path.of("bench/conversations/target/service.log").toFile();
        List<String> command = List.of(java, "-Xmx1g", "-jar", jar.toString(),
                "--spring.profiles.active=local", "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                "--logging.level.root=WARN");
        System.out.println("service log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static int status(HttpClient http, int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
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
            Thread.sleep(200); // a benchmark's poll loop, not a test
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
