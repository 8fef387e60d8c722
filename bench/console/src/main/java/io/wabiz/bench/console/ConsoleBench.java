package io.wabiz.bench.console;

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
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The staff console as it runs: the broker and the embedded MongoDB (in memory) in this JVM, webhook-ingress,
 * conversation-service and staff-console as their own processes. Fills the history with 100,000 messages, then
 * prints the time to render the inbox and a 200-message conversation (requests on loopback, signed in as the
 * local agent), and how long a webhook's message takes to show in an open inbox: polled as the page polls
 * (every 1.5 s, random phase) and polled every 25 ms (when the console first has it).
 *
 * <p>Usage: {@code ConsoleBench <repository root> [total messages=100000] [timed requests=300] [live rounds=20]}
 */
public final class ConsoleBench {

    private static final String BUSINESS = "100000000000001";
    private static final String APP_SECRET = "bench-app-secret";
    private static final int CONVERSATIONS = 1_000;
    private static final int BIG_CONVERSATION_MESSAGES = 250;
    private static final String BIG = "221770999999";
    private static final Duration PAGE_POLL = Duration.ofMillis(1500);
    private static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** Exits when done or failed: the broker and MongoDB server threads of this JVM would keep it running. */
    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Throwable failed) {
            failed.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int liveRounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongo = SharedMongoServer.connectionString("conversation-service");
        int historyPort = freePort();
        int ingressPort = freePort();
        int consolePort = freePort();
        List<Process> processes = new ArrayList<>();
        try {
            Process historyProcess = start(root, "conversation-service", Map.of("SERVER_PORT", "" + historyPort,
                    "SPRING_PROFILES_ACTIVE", "local", "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka,
                    "SPRING_MONGODB_URI", mongo));
            processes.add(historyProcess);
            processes.add(start(root, "webhook-ingress", Map.of("SERVER_PORT", "" + ingressPort,
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka, "INGRESS_APP_SECRETS", APP_SECRET,
                    "INGRESS_VERIFY_TOKEN", "bench-verify", "INGRESS_KNOWN_PHONE_NUMBER_IDS", BUSINESS)));
            Process consoleProcess = start(root, "staff-console", Map.of("SERVER_PORT", "" + consolePort,
                    "SPRING_PROFILES_ACTIVE", "local", "CONSOLE_SERVICES_CONVERSATIONS", "http://localhost:" + historyPort));
            processes.add(consoleProcess);
            Cpu cpu = new Cpu(historyProcess, consoleProcess);
            String history = "http://localhost:" + historyPort;
            String console = "http://localhost:" + consolePort;
            awaitHealthy("conversation-service", history);
            awaitHealthy("webhook-ingress", "http://localhost:" + ingressPort);
            awaitHealthy("staff-console", console);

            long fillStart = System.nanoTime();
            fill(kafka, total);
            awaitStored(history, total);
            System.out.printf(Locale.ROOT, "history filled: %,d messages over %,d conversations in %.1f s%n", total,
                    CONVERSATIONS, (System.nanoTime() - fillStart) / 1e9);

            signIn(console);
            String bigPage = console + "/conversations/" + BUSINESS + ":" + BIG;
            String bigHtml = get(bigPage).body();
            int shown = count(bigHtml, "data-testid=\"message\"");
            String api = history + "/api/conversations";
            String big = BUSINESS + ":" + BIG;
            // the service's calls alone (as the console makes them, with the agent's token), then the pages
            Timed newest = time(api + "/" + big + "/messages?order=desc&size=200", requests, cpu);
            // the same 200 messages by the query over the messages (a filter that keeps them all): as before the
            // conversation kept its messages' ids, and as every filtered list of GET /api/messages still is
            Timed queried = time(history + "/api/messages?conversationId=" + big + "&from=1970-01-01T00:00:00Z"
                    + "&order=desc&size=200", requests, cpu);
            Timed oneConversation = time(api + "/" + big, requests, cpu);
            Timed conversations = time(api + "?page=0&size=30", requests, cpu);
            Timed conversation = time(bigPage, requests, cpu);
            Timed inbox = time(console + "/", requests, cpu);
            Live live = live(console, "http://localhost:" + ingressPort, liveRounds);

            System.out.println();
            System.out.printf(Locale.ROOT, "staff-console with %,d messages stored (embedded MongoDB, in memory); "
                    + "load average %s%n", total, loadAverage());
            System.out.printf(Locale.ROOT, "%-52s %10s %10s %10s %10s   %-14s %s%n", "", "p50", "p95", "p99", "max",
                    "anchor", "CPU per request: conversation-service / staff-console / this JVM (MongoDB, client)");
            print("inbox (30 conversations)", inbox, "p95 < 300 ms");
            print("conversation page (" + shown + " messages drawn)", conversation, "p95 < 300 ms");
            print("  service: newest 200 messages (GET .../messages)", newest, "");
            print("  service: the same 200 by a query over messages", queried, "");
            print("  service: the conversation (GET .../{id})", oneConversation, "");
            print("  service: 30 conversations (GET /api/conversations)", conversations, "");
            print("webhook -> shown, page polling every 1.5 s", new Timed(live.asThePagePolls(), null), "< 2,000 ms");
            print("webhook -> in the console (25 ms polling)", new Timed(live.firstAvailable(), null), "(the pipeline alone)");
        } finally {
            for (Process process : processes) {
                process.destroy();
            }
            for (Process process : processes) {
                process.waitFor();
            }
        }
    }

    private static void print(String label, Timed timed, String anchor) {
        Histogram histogram = timed.micros();
        String cpu = timed.cpuMillisPerRequest() == null ? "" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms",
                timed.cpuMillisPerRequest()[0], timed.cpuMillisPerRequest()[1], timed.cpuMillisPerRequest()[2]);
        System.out.printf(Locale.ROOT, "%-52s %8.1f ms %7.1f ms %7.1f ms %7.1f ms   %-14s %s%n", label,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0, anchor, cpu);
    }

    /** Wall-clock micros of each request, and the CPU each process spent per request while they ran. */
    private record Timed(Histogram micros, double[] cpuMillisPerRequest) {
    }

    /** CPU time so far of conversation-service, staff-console and this JVM (the embedded MongoDB, the client). */
    private record Cpu(Process history, Process console) {

        long[] nanos() {
            return new long[] {cpuOf(history), cpuOf(console),
                    ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean()).getProcessCpuTime()};
        }

        private static long cpuOf(Process process) {
            return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException unknown) {
            return "unknown";
        }
    }

    /** 100 messages per conversation on average: half the customer's, half the business's (read, priced). */
    private static void fill(String kafka, int total) {
        Instant now = Instant.now();
        try (KafkaProducer<String, TopicRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new CloudEventSerializer("/bench/console"))) {
            for (int i = 0; i < total; i++) {
                boolean big = i < BIG_CONVERSATION_MESSAGES;
                String waId = big ? BIG : "22177" + (1_000_000 + i % (CONVERSATIONS - 1));
                // older first; the big conversation is the latest, its window open
                Instant at = big ? now.minusSeconds(BIG_CONVERSATION_MESSAGES - i) : now.minusSeconds(86_400L * 20 - i * 15L);
                String wamid = "wamid.bench." + i;
                if (i % 2 == 0) {
                    send(producer, new InboundMessageReceived(UUID.randomUUID().toString(), at, BUSINESS, "+221 33 800 00 01",
                            "200000000000001", waId, null, "Client " + waId.substring(7), wamid, at, "text", null,
                            new InboundContent.Text("Bonjour, question numéro " + i + " sur ma facture")));
                } else {
                    send(producer, new MessageAccepted(UUID.randomUUID().toString(), at, UUID.randomUUID().toString(),
                            "bench:" + i, BUSINESS, waId, wamid, SendForm.FREE_FORM,
                            new OutboundContent.Text("Votre facture numéro " + i + " est disponible", false),
                            new Correlation(null, null, null, Correlation.Origin.AUTOMATION, "billing-notifier"), null));
                    send(producer, new MessageStatusChanged(UUID.randomUUID().toString(), at, BUSINESS, waId, wamid,
                            DeliveryStatus.READ, at, null, null,
                            new MessageStatusChanged.Pricing(true, "utility", "PMP", "regular"), List.of()));
                }
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, TopicRecord> producer, TopicRecord record) {
        producer.send(new ProducerRecord<>(TopicCatalogue.carrying(record.getClass()).topic(), record.key(), record));
    }

    private static void awaitStored(String history, int total) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        Pattern totalElements = Pattern.compile("\"totalElements\":(\\d+)");
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(history + "/api/messages?size=1"))
                    .header("Authorization", "Bearer local-agent-token").build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = totalElements.matcher(page.body());
            if (matcher.find() && Long.parseLong(matcher.group(1)) >= total) {
                return;
            }
            Thread.sleep(2_000); // a benchmark's wait for the ingest, not a test
        }
        throw new IllegalStateException("the history did not reach " + total + " messages in 15 minutes");
    }

    private static void signIn(String console) throws Exception {
        String page = get(console + "/signin").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the sign-in page");
        }
        String form = "username=agent&password=agent&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(console + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused: " + answer.statusCode() + " " + answer.headers().map());
        }
    }

    /** Warm-up of a third as many requests, then the timed ones, one at a time, with the CPU they cost. */
    private static Timed time(String url, int requests, Cpu cpu) throws Exception {
        for (int i = 0; i < Math.max(50, requests / 3); i++) {
            get(url);
        }
        Histogram micros = new Histogram(3);
        long[] before = cpu.nanos();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = get(url);
            micros.recordValue((System.nanoTime() - start) / 1_000);
            if (page.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + page.statusCode());
            }
        }
        long[] after = cpu.nanos();
        double[] perRequest = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            perRequest[i] = (after[i] - before[i]) / 1e6 / requests;
        }
        return new Timed(micros, perRequest);
    }

    private record Live(Histogram asThePagePolls, Histogram firstAvailable) {
    }

    /** A customer's message by signed webhook, then the open inbox's refresh, round after round. */
    private static Live live(String console, String ingress, int rounds) throws Exception {
        Histogram page = new Histogram(3);
        Histogram available = new Histogram(3);
        for (int round = 0; round < rounds; round++) {
            String text = "Message en direct " + round + " " + UUID.randomUUID();
            String waId = "22178" + (1_000_000 + round);
            long phase = ThreadLocalRandom.current().nextLong(PAGE_POLL.toMillis());
            long webhookAt = System.nanoTime();
            postWebhook(ingress, waId, text);
            Thread tight = Thread.ofVirtual().start(() -> available.recordValue(awaitShown(console, text, webhookAt, 25, 0)));
            page.recordValue(awaitShown(console, text, webhookAt, PAGE_POLL.toMillis(), phase));
            tight.join();
        }
        return new Live(page, available);
    }

    /** Micros from the webhook until an inbox refresh, every {@code everyMillis} after {@code phase}, shows the text. */
    private static long awaitShown(String console, String text, long since, long everyMillis, long phase) {
        try {
            Thread.sleep(phase);
            long deadline = since + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                long asked = System.nanoTime();
                if (get(console + "/inbox/list").body().contains(text)) {
                    return (System.nanoTime() - since) / 1_000;
                }
                long next = asked + Duration.ofMillis(everyMillis).toNanos() - System.nanoTime();
                if (next > 0) {
                    Thread.sleep(Duration.ofNanos(next));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("'" + text + "' did not show within 30 s");
    }

    /** A customer's text as Meta posts it (shape of the fixtures' textMessage.json), signed with the app secret. */
    private static void postWebhook(String ingress, String waId, String text) throws Exception {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"200000000000001","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"221338000001","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Client direct"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"wamid.live.%s","timestamp":"%d","text":{"body":"%s"},"type":"text"}]},
                "field":"messages"}]}]}""".formatted(BUSINESS, waId, waId, UUID.randomUUID(),
                Instant.now().getEpochSecond(), text);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(ingress + "/webhook"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the ingress answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The console's pages with its session cookie; the service's API with the local agent's token. */
    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (url.contains("/api/")) {
            request.header("Authorization", "Bearer local-agent-token");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Process start(Path root, String module, Map<String, String> environment) throws IOException {
        File jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar").toFile();
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is not built");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = root.resolve("bench/console/target/" + module + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        // more JVM options per process (JFR, a Spring property as -D...): CONSOLE_JAVA_OPTS, SERVICE_JAVA_OPTS
        String options = System.getenv("staff-console".equals(module) ? "CONSOLE_JAVA_OPTS"
                : "conversation-service".equals(module) ? "SERVICE_JAVA_OPTS" : "INGRESS_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        System.out.println(module + " log: " + log);
        return builder.start();
    }

    private static void awaitHealthy(String module, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(module + " (" + url + ") did not become ready in 6 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
