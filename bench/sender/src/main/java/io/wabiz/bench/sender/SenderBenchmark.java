package io.wabiz.bench.sender;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import io.wabiz.testsupport.SlidingWindows;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Drives the real sender jar (its own process) with commands on the real broker, Meta played by WireMock,
 * and prints what WireMock's request log and the outcome topic show.
 */
public final class SenderBenchmark {

    static final String WABA = MetaStandIn.WABA;
    static final String SLOW_80 = MetaStandIn.SLOW_80;
    static final String SLOW_1000 = MetaStandIn.SLOW_1000;
    static final List<String> FAST = MetaStandIn.FAST;
    static final String FLAKY = MetaStandIn.FLAKY;
    static final int SENDER_PORT = 18082;
    static final String ADMIN_TOKEN = "bench-admin-token-not-a-secret";

    private final Map<String, TopicRecord> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Long> outcomeAt = new ConcurrentHashMap<>();
    private final Map<String, SendMessage> commands = new ConcurrentHashMap<>();
    private Process metaProcess;
    private WireMock meta;
    private String metaBaseUrl;
    private Process sender;
    private volatile boolean collecting = true;
    private KafkaProducer<String, TopicRecord> producer;

    public static void main(String[] args) {
        try {
            new SenderBenchmark().run();
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1); // the broker's threads would keep a failed run's JVM alive
        }
    }

    private void run() throws Exception {
        System.out.printf("outbound-sender benchmark - %s, %d cores (shared with other work: figures are indicative)%n",
                Instant.now(), Runtime.getRuntime().availableProcessors());
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongo = SharedMongoServer.connectionString("outbound-sender-bench");
        startMeta();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072), new StringSerializer(), commandSerializer());
        Thread collector = Thread.ofPlatform().daemon().start(() -> collectOutcomes(kafka));

        sender = startSender(kafka, mongo);
        try {
            awaitReady();
            String parts = System.getProperty("bench.parts", "1,2,3");
            if (parts.contains("1")) {
                slowMeta(SLOW_80, 80, Integer.getInteger("bench.slowSeconds80", 20), "");
                // a sender that has just started opens its first thousand connections to Meta while its code is
                // still interpreted: shown on its own, then the steady state is measured on a clean request log
                slowMeta(SLOW_1000, 1000, Integer.getInteger("bench.warmUpSeconds1000", 5), ", warm-up of a fresh sender");
                meta.resetRequests();
                slowMeta(SLOW_1000, 1000, Integer.getInteger("bench.slowSeconds1000", 20), ", warmed up");
            }
            if (parts.contains("2")) {
                overhead(Integer.getInteger("bench.overheadCommands", 20000));
            }
            if (parts.contains("3")) {
                flaky(Integer.getInteger("bench.flakyCommands", 10000));
            }
        } finally {
            sender.destroy();
            sender.waitFor();
            metaProcess.destroy();
            metaProcess.waitFor();
            collecting = false;
            collector.join(5_000);
        }
    }

    /**
     * The commands' CloudEvents serializer; with {@code bench.bareCeType} it writes the bare record name as
     * {@code ce_type} ({@code SendMessage}, not {@code io.wabiz.SendMessage}), the only one a sender jar built
     * before 1 December 17:00 reads (SENDER_JAR of an earlier commit, for a before/after).
     */
    private static CloudEventSerializer commandSerializer() {
        boolean bare = Boolean.getBoolean("bench.bareCeType");
        return new CloudEventSerializer("/bench") {
            @Override
            public byte[] serialize(String topic, Headers headers, TopicRecord data) {
                byte[] bytes = super.serialize(topic, headers, data);
                Header type = headers.lastHeader(CloudEventHeaders.TYPE);
                if (bare && type != null) {
                    String name = new String(type.value(), StandardCharsets.UTF_8);
                    headers.remove(CloudEventHeaders.TYPE);
                    headers.add(CloudEventHeaders.TYPE, name.substring(name.lastIndexOf('.') + 1)
                            .getBytes(StandardCharsets.UTF_8));
                }
                return bytes;
            }
        };
    }

    private Process startSender(String kafka, String mongo) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx768m"));
        // e.g. -XX:StartFlightRecording=filename=sender.jfr,settings=profile to see where the sender's time goes
        for (String option : System.getProperty("bench.senderJvmOptions", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", System.getProperty("bench.senderJar"),
                "--server.port=" + SENDER_PORT,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + mongo,
                "--sender.graph-api.base-url=" + metaBaseUrl,
                "--sender.graph-api.request-timeout=10s",
                "--sender.retry.max-attempts=10",
                "--sender.retry.initial-backoff=50ms",
                "--sender.retry.max-backoff=1s",
                "--sender.retry.pair-rate-backoff=200ms",
                "--sender.retry.pair-rate-max-attempts=10",
                "--sender.rate.recipient-spacing=100ms",
                "--sender.rate.safety-margin=" + System.getProperty("bench.safetyMargin", "50ms"),
                // the operators' API (template sync, template list) takes an admin's bearer token
                "--sender.security.static-tokens[0].token=" + ADMIN_TOKEN,
                "--sender.security.static-tokens[0].user=bench",
                "--sender.security.static-tokens[0].roles=admin",
                "--logging.level.io.wabiz=WARN",
                "--logging.level.io.wabiz.sender.send.WriteTrace=TRACE",
                "--logging.structured.format.console="));
        List<String> numbers = new ArrayList<>(List.of(SLOW_80, SLOW_1000));
        numbers.addAll(FAST);
        numbers.add(FLAKY);
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            command.add("--sender.accounts[" + i + "].phone-number-id=" + number);
            command.add("--sender.accounts[" + i + "].waba-id=" + WABA);
            command.add("--sender.accounts[" + i + "].access-token=bench-token-not-a-secret");
            command.add("--sender.accounts[" + i + "].messages-per-second=" + (number.equals(SLOW_80) ? 80 : 1000));
        }
        File logs = senderLog();
        System.out.println("sender log: " + logs);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs).start();
    }

    /** Meta's stand-in in a JVM of its own (see {@link MetaStandIn}); returns once it answers. */
    private void startMeta() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File log = new File(System.getProperty("bench.logs", "target"), "meta-stand-in.log");
        metaProcess = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx1g", "-XX:+UseZGC",
                "-cp", System.getProperty("java.class.path"), MetaStandIn.class.getName(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!java.nio.file.Files.readString(log.toPath()).contains(MetaStandIn.READY)) {
            if (System.nanoTime() > deadline || !metaProcess.isAlive()) {
                throw new IllegalStateException("Meta's stand-in did not start, see " + log);
            }
            Thread.sleep(100);
        }
        meta = new WireMock("localhost", port);
        metaBaseUrl = "http://localhost:" + port;
    }

    private static File senderLog() {
        return new File(System.getProperty("bench.logs", "target"), "sender.log");
    }

    /** When the sender wrote each request of a number, from its WriteTrace log lines: key -> epoch ms. */
    private static Map<String, Long> senderWrites(String number) throws java.io.IOException {
        Map<String, Long> writes = new HashMap<>();
        try (var lines = java.nio.file.Files.lines(senderLog().toPath())) {
            lines.filter(l -> l.contains("WRITE " + number + " ")).forEach(l -> {
                String[] parts = l.substring(l.indexOf("WRITE ")).split(" ");
                writes.put(parts[2], Long.parseLong(parts[3].trim()));
            });
        }
        return writes;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long nextSync = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > nextSync) { // the sync on start may have timed out on a busy machine
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + SENDER_PORT + "/templates/sync"))
                            .header("Authorization", "Bearer " + ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                } catch (java.io.IOException notYet) {
                    // starting
                }
                nextSync = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            try {
                HttpResponse<String> templates = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + SENDER_PORT + "/templates"))
                                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (templates.statusCode() == 200 && templates.body().contains("bench_hello")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the sender did not become ready with its templates");
    }

    private static OutboundContent.Template hello(String name) {
        return new OutboundContent.Template("bench_hello", "en", List.of(new OutboundContent.TemplateComponent(
                "body", null, null, List.of(OutboundContent.TemplateParameter.text(name)))));
    }

    private List<String> publish(String number, int count, String run, int messagesPerRecipient) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String recipient = String.format("2217%08d", i / messagesPerRecipient);
            String key = run + "-" + recipient + "-" + (i % messagesPerRecipient);
            keys.add(key);
            SendMessage command = new SendMessage(UUID.randomUUID().toString(), Instant.now(), number, recipient,
                    hello("customer " + i), null, key, null, null);
            if (number.equals(FLAKY)) {
                commands.put(key, command);
            }
            producer.send(new ProducerRecord<>(Topics.OUTBOUND_COMMANDS, command.key(), command));
        }
        producer.flush();
        return keys;
    }

    private void awaitOutcomes(List<String> keys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !keys.stream().allMatch(outcomes::containsKey)) {
            Thread.sleep(100);
        }
    }

    private static String messagesPath(String number) {
        return "/v23.0/" + number + "/messages";
    }

    /** Filtered by WireMock itself: the whole log of a long run is too big for one admin answer. */
    private List<LoggedRequest> requestsTo(String number) {
        return meta.find(WireMock.postRequestedFor(WireMock.urlPathEqualTo(messagesPath(number))));
    }

    private void slowMeta(String number, int rate, int seconds, String phase) throws Exception {
        int count = rate * seconds;
        System.out.printf("%n1. Meta answering in 1 s, limit %d/s, %d commands (one burst)%s ...%n", rate, count, phase);
        List<String> keys = publish(number, count, "slow" + rate + "-" + UUID.randomUUID(), 1);
        awaitOutcomes(keys, Duration.ofSeconds(seconds * 4L + 60));
        List<LoggedRequest> events = requestsTo(number);
        List<Long> arrivals = events.stream().map(e -> e.getLoggedDate().getTime()).sorted().toList();
        long accepted = keys.stream().filter(k -> outcomes.get(k) instanceof MessageAccepted).count();
        double span = (arrivals.getLast() - arrivals.getFirst()) / 1000.0;
        double achieved = (arrivals.size() - 1) / span;
        System.out.printf("   requests %d, accepted %d, outcomes %d%n", arrivals.size(), accepted,
                keys.stream().filter(outcomes::containsKey).count());
        System.out.printf("   rate achieved %.1f/s of %d/s configured = %.1f%% (goal >= 90%%)%n", achieved, rate,
                100 * achieved / rate);
        Map<String, Long> writes = senderWrites(number);
        writes.keySet().retainAll(new java.util.HashSet<>(keys)); // this run's only
        List<Long> delays = new ArrayList<>();
        for (LoggedRequest event : events) {
            String key = EventJson.mapper().readTree(event.getBodyAsString())
                    .path("biz_opaque_callback_data").asString();
            Long written = writes.get(key);
            if (written != null) {
                delays.add(event.getLoggedDate().getTime() - written);
            }
        }
        delays.sort(Long::compare);
        if (!writes.isEmpty()) {
            System.out.printf("   as the sender wrote them: most requests in any sliding second %d; WireMock logged "
                    + "them later by p50 %d ms, p99 %d ms, max %d ms%n",
                    SlidingWindows.maxInAnySecond(writes.values().stream().sorted().toList()), delays.get(delays.size() / 2),
                    delays.get((int) (delays.size() * 0.99)), delays.getLast());
        }
        int most = SlidingWindows.maxInAnySecond(arrivals);
        System.out.printf("   as WireMock logged them: most requests in any sliding second: %d (limit %d)%s%n", most, rate, most > rate
                ? ", from " + (busiestSecond(arrivals) - arrivals.getFirst()) + " ms after the first request" : "");
    }

    private void overhead(int count) throws Exception {
        System.out.printf("%n2. Own overhead: %d commands across 4 numbers (limit 1000/s each), Meta answers at once, "
                + "after as many unmeasured to warm up%n", count);
        // unmeasured: a sender that has only just started runs interpreted code for its first ten thousands
        List<String> warmUp = new ArrayList<>();
        for (int n = 0; n < FAST.size(); n++) {
            warmUp.addAll(publish(FAST.get(n), count / FAST.size(), "fast-warm-up" + n, 1));
        }
        awaitOutcomes(warmUp, Duration.ofMinutes(3));
        meta.resetRequests(); // each part reads its own requests only, and a smaller log is cheaper for WireMock
        Duration cpuBefore = senderCpu();
        long start = System.nanoTime();
        List<String> keys = new ArrayList<>();
        for (int n = 0; n < FAST.size(); n++) {
            keys.addAll(publish(FAST.get(n), count / FAST.size(), "fast" + n, 1));
        }
        double published = (System.nanoTime() - start) / 1e9;
        awaitOutcomes(keys, Duration.ofMinutes(3));
        double elapsed = (keys.stream().mapToLong(k -> outcomeAt.getOrDefault(k, 0L)).max().orElse(0)
                - start) / 1e9;
        long done = keys.stream().filter(outcomes::containsKey).count();
        System.out.printf("   published in %.1f s; outcomes %d of %d in %.1f s: %.0f commands/s (goal 2,000/s on 2 cores)%n",
                published, done, keys.size(), elapsed, done / elapsed);
        double cpu = (senderCpu().toMillis() - cpuBefore.toMillis()) / 1000.0;
        System.out.printf("   the sender process used %.1f CPU-s for them: %.0f commands per CPU-second, i.e. about "
                + "%.0f/s if it had 2 cores to itself (broker, MongoDB and WireMock ran on the same cores)%n",
                cpu, done / cpu, 2 * done / cpu);
        System.out.printf("   (WireMock requests in this part: %d)%n", meta.find(WireMock.anyRequestedFor(WireMock.anyUrl())).size());
    }

    private void flaky(int count) throws Exception {
        System.out.printf("%n3. %d commands (2,000 customers x 5, in order), 20%% of calls failing "
                + "(130429, 131056, 500, connection reset after the request) ...%n", count);
        meta.resetRequests();
        long start = System.nanoTime();
        List<String> keys = publish(FLAKY, count, "flaky", 5);
        awaitOutcomes(keys, Duration.ofMinutes(5));
        double elapsed = (System.nanoTime() - start) / 1e9;
        // with their answers: this part's log only (reset above), small enough for one admin answer
        List<ServeEvent> events = meta.getServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(messagesPath(FLAKY))).toList();
        Map<String, Integer> delivered = new HashMap<>();
        Map<String, List<long[]>> deliveredByCustomer = new HashMap<>();
        int failedCalls = 0;
        for (ServeEvent event : events) {
            JsonNode body = EventJson.mapper().readTree(event.getRequest().getBodyAsString());
            String key = body.path("biz_opaque_callback_data").asString();
            if (event.getResponse() != null && event.getResponse().getStatus() == 200
                    && event.getResponse().getFault() == null) {
                delivered.merge(key, 1, Integer::sum);
                String[] parts = key.split("-");
                deliveredByCustomer.computeIfAbsent(parts[1], c -> new ArrayList<>()).add(
                        new long[] {event.getRequest().getLoggedDate().getTime(), Long.parseLong(parts[2])});
            } else {
                failedCalls++;
            }
        }
        // a reset after the request was written leaves the outcome unknown (never resent): Meta's stand-in
        // accepted those requests, so the benchmark plays Meta's status webhook carrying their key
        List<String> unknown = keys.stream().filter(k -> outcomes.get(k) instanceof MessageRejected r
                && "Outcome unknown".equals(r.errorTitle())).toList();
        Map<String, List<ServeEvent>> callsByKey = new HashMap<>();
        events.stream().sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .forEach(e -> callsByKey.computeIfAbsent(EventJson.mapper().readTree(e.getRequest().getBodyAsString())
                        .path("biz_opaque_callback_data").asString(), k -> new ArrayList<>()).add(e));
        // a call made after a reset of the same key: the sender resent what Meta may have had
        long resentAfterReset = callsByKey.values().stream().filter(calls -> {
            for (int i = 0; i < calls.size() - 1; i++) {
                if (calls.get(i).getResponse() != null && calls.get(i).getResponse().getFault() != null) {
                    return true;
                }
            }
            return false;
        }).count();
        for (String key : unknown) {
            SendMessage sent = commands.get(key);
            producer.send(new ProducerRecord<>(Topics.INBOUND_STATUSES, sent.conversationKey(),
                    new MessageStatusChanged(UUID.randomUUID().toString(), Instant.now(), FLAKY, sent.recipientWaId(),
                            "wamid.BENCH-RESET-" + key, DeliveryStatus.SENT, Instant.now(), key, null, null, List.of())));
        }
        producer.flush();
        long settleStart = System.nanoTime();
        long deadline = settleStart + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline && !unknown.stream().allMatch(k -> outcomes.get(k) instanceof MessageAccepted)) {
            Thread.sleep(100);
        }
        double settleSeconds = (System.nanoTime() - settleStart) / 1e9;
        long settled = unknown.stream().filter(k -> outcomes.get(k) instanceof MessageAccepted).count();
        long unknownWithoutResetCall = unknown.stream().filter(k -> {
            List<ServeEvent> calls = callsByKey.getOrDefault(k, List.of());
            return calls.isEmpty() || calls.getLast().getResponse() == null
                    || calls.getLast().getResponse().getFault() == null;
        }).count();
        long accepted = keys.stream().filter(k -> outcomes.get(k) instanceof MessageAccepted).count();
        long rejected = keys.stream().filter(k -> outcomes.get(k) instanceof MessageRejected).count();
        long lost = keys.stream().filter(k -> !outcomes.containsKey(k)).count();
        long twice = delivered.values().stream().filter(n -> n > 1).count();
        long acceptedButNotDelivered = keys.stream().filter(k -> outcomes.get(k) instanceof MessageAccepted a
                && !delivered.containsKey(k) && !a.wamid().startsWith("wamid.BENCH-RESET-")).count();
        long deliveredButRejected = keys.stream()
                .filter(k -> outcomes.get(k) instanceof MessageRejected && delivered.containsKey(k)).count();
        long outOfOrder = deliveredByCustomer.values().stream().filter(list -> {
            list.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i)[1] < list.get(i - 1)[1]) {
                    return true;
                }
            }
            return false;
        }).count();
        System.out.printf("   calls to Meta %d (%d failed, %.1f%%), %.1f s%n", events.size(), failedCalls,
                100.0 * failedCalls / events.size(), elapsed);
        System.out.printf("   outcomes: accepted %d, rejected %d; LOST (no outcome) %d%n", accepted, rejected, lost);
        System.out.printf("   unknown (reset after the write, not resent) %d, of them settled as accepted by their status "
                + "webhook %d in %.1f s; unknown whose last call was not a reset %d%n", unknown.size(), settled,
                settleSeconds, unknownWithoutResetCall);
        System.out.printf("   SENT TWICE (two 200 answers for one idempotency key) %d; RESENT AFTER A RESET %d; "
                + "accepted without a 200 or a status %d; rejected after a 200 %d%n", twice, resentAfterReset,
                acceptedButNotDelivered, deliveredButRejected);
        System.out.printf("   customers whose messages arrived out of order: %d of %d%n", outOfOrder,
                deliveredByCustomer.size());
    }

    static long busiestSecond(List<Long> sortedMillis) {
        int max = 0;
        long at = 0;
        int end = 0;
        for (int start = 0; start < sortedMillis.size(); start++) {
            while (end < sortedMillis.size() && sortedMillis.get(end) < sortedMillis.get(start) + 1000) {
                end++;
            }
            if (end - start > max) {
                max = end - start;
                at = sortedMillis.get(start);
            }
        }
        return at;
    }

    private Duration senderCpu() {
        return sender.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void collectOutcomes(String kafka) {
        CloudEventDeserializer events = new CloudEventDeserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (collecting) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    TopicRecord event = events.deserialize(record.topic(), record.headers(), record.value());
                    String key = switch (event) {
                        case MessageAccepted a -> a.idempotencyKey();
                        case MessageRejected r -> r.idempotencyKey();
                        default -> null;
                    };
                    if (key != null && outcomes.putIfAbsent(key, event) == null) {
                        outcomeAt.put(key, System.nanoTime());
                    } else if (key != null && event instanceof MessageAccepted) {
                        outcomes.put(key, event); // an unknown outcome, settled by a status webhook
                    }
                });
            }
        }
    }

}
