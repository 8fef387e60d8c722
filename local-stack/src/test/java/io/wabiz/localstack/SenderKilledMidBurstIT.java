package io.wabiz.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.process.JvmLauncher;
import io.wabiz.localstack.process.Readiness;
import io.wabiz.localstack.services.LocalSecrets;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the sender, running as its own process, in the middle of 100 sends to a Meta (WireMock) that
 * takes 300-800 ms to answer; then a new sender process on the same broker and MongoDB, and Meta's status
 * webhooks for what it received. Nothing may reach Meta twice, and every message must end accepted (with
 * the wamid Meta gave it), rejected with a reason, or - only if it never reached Meta - unresolved.
 * The broker and MongoDB are the local stack's own processes.
 */
class SenderKilledMidBurstIT {

    private static final int SENDS = 100;
    private static final Path DATA = Path.of("target/sender-kill-it").toAbsolutePath();
    private static final String TEMPLATE = "kill_test";

    private static RunningStack infrastructure;
    private static WireMockServer meta;
    private static final List<ChildProcess> senders = new CopyOnWriteArrayList<>();
    private final Map<String, List<TopicRecord>> outcomes = new ConcurrentHashMap<>();

    @BeforeAll
    static void startInfrastructureAndMeta() throws IOException {
        deleteRecursively(DATA);
        StackSettings settings = StackSettings.local(Path.of(System.getProperty("wabiz.root", "..")))
                .withDataDirectory(DATA).withPorts(StackPorts.free()).withServices(Set.of());
        infrastructure = new LocalStack(settings, message -> System.out.println("[kill-it] " + message)).start();
        meta = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(200));
        meta.start();
        meta.stubFor(post(urlPathEqualTo("/" + LocalSecrets.GRAPH_API_VERSION + "/" + LocalSecrets.PHONE_NUMBER_ID
                + "/messages")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withUniformRandomDelay(300, 800).withTransformers("response-template")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.{{jsonPath request.body '$.biz_opaque_callback_data'}}\","
                        + "\"message_status\":\"accepted\"}]}")));
        meta.stubFor(get(urlPathEqualTo("/" + LocalSecrets.GRAPH_API_VERSION + "/" + LocalSecrets.WABA_ID
                + "/message_templates")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"data": [{"name": "%s", "language": "fr", "status": "APPROVED", "category": "UTILITY",
                          "id": "1", "components": [{"type": "BODY", "text": "Bonjour {{1}}, votre facture est prête."}]}]}
                        """.formatted(TEMPLATE))));
    }

    @AfterAll
    static void stop() {
        senders.forEach(sender -> sender.stop(Duration.ofSeconds(10)));
        if (meta != null) {
            meta.stop();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void killedMidBurstAndRestartedItSendsNothingTwiceAndEveryMessageEndsAcceptedRejectedOrUnresolved()
            throws Exception {
        String run = "kill-" + UUID.randomUUID();
        Thread collector = Thread.ofPlatform().daemon().start(this::collectOutcomes);
        ChildProcess first = startSender("outbound-sender-killed");
        List<String> keys;
        try (KafkaProducer<String, TopicRecord> producer = producer()) {
            keys = publishSends(producer, run);

            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> requestsTo().size() >= 25);
            first.handle().destroyForcibly(); // kill -9: no shutdown hook, no drain, no commit
            first.handle().onExit().get(30, TimeUnit.SECONDS);
            int atKill = requestsTo().size();
            System.out.printf("[kill-it] killed the sender after %d of %d requests had reached Meta%n", atKill, SENDS);

            startSender("outbound-sender-restarted");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> keys.stream().allMatch(outcomes::containsKey));

            // Meta's status webhooks for every message it received, as the ingress publishes them
            for (Map.Entry<String, Integer> received : requestCountByKey().entrySet()) {
                SendMessage command = commands.get(received.getKey());
                producer.send(new ProducerRecord<>(Topics.INBOUND_STATUSES, command.conversationKey(),
                        new MessageStatusChanged(UUID.randomUUID().toString(), Instant.now(),
                                command.businessPhoneNumberId(), command.recipientWaId(),
                                "wamid." + received.getKey(), DeliveryStatus.SENT, Instant.now(), received.getKey(),
                                null, null, List.of())));
            }
            producer.flush();
        }

        Map<String, Integer> received = requestCountByKey();
        assertThat(received.values()).as("nothing reached Meta twice").allSatisfy(n -> assertThat(n).isOne());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String key : keys) {
                if (received.containsKey(key)) {
                    assertThat(last(key, MessageAccepted.class)).as("%s reached Meta: accepted", key)
                            .isNotNull().extracting(MessageAccepted::wamid).isEqualTo("wamid." + key);
                } else {
                    assertThat(last(key, MessageOutcomeUnresolved.class) != null || isRejectedWithAReason(key))
                            .as("%s never reached Meta: rejected with a reason, or unresolved", key).isTrue();
                }
            }
        });
        long unknownThenSettled = keys.stream().filter(k -> isUnknown(k) && last(k, MessageAccepted.class) != null)
                .count();
        long announcedBeforeTheirStatus = keys.stream().filter(k -> received.containsKey(k)
                && last(k, MessageOutcomeUnresolved.class) != null).count();
        long neverReachedMeta = keys.stream().filter(k -> !received.containsKey(k)).count();
        System.out.printf("[kill-it] %d sends, %d reached Meta (each once); in flight at the kill, outcome unknown, then"
                + " settled by their status: %d (%d of them announced unresolved first: their status came after the"
                + " 5 s); never reached Meta: %d%n", SENDS, received.size(), unknownThenSettled,
                announcedBeforeTheirStatus, neverReachedMeta);
        assertThat(unknownThenSettled).as("the kill hit calls in flight, and their statuses settled them")
                .isPositive();
        collector.interrupt();
    }

    private final Map<String, SendMessage> commands = new ConcurrentHashMap<>();

    private List<String> publishSends(KafkaProducer<String, TopicRecord> producer, String run) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            String key = run + "-" + i;
            SendMessage command = new SendMessage(UUID.randomUUID().toString(), Instant.now(),
                    LocalSecrets.PHONE_NUMBER_ID, String.format("2217%08d", 10_000 + i),
                    new OutboundContent.Template(TEMPLATE, "fr", List.of(new OutboundContent.TemplateComponent(
                            "body", null, null, List.of(OutboundContent.TemplateParameter.text("client " + i))))),
                    null, key, null, null);
            commands.put(key, command);
            keys.add(key);
            producer.send(new ProducerRecord<>(Topics.OUTBOUND_COMMANDS, command.key(), command));
        }
        producer.flush();
        return keys;
    }

    private ChildProcess startSender(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int senderPort = port;
        StackService.Wiring wiring = new StackService.Wiring() {
            @Override
            public int port(StackService service) {
                return service == StackService.META_SIMULATOR ? meta.port() : senderPort;
            }

            @Override
            public String kafkaBootstrapServers() {
                return infrastructure.kafkaBootstrapServers();
            }

            @Override
            public String mongoUri(String database) {
                return infrastructure.mongoUri(database);
            }

            @Override
            public String dataDirectory(String folder) {
                return DATA.resolve(folder).toString();
            }
        };
        Map<String, String> environment = new HashMap<>(StackService.OUTBOUND_SENDER.environment(wiring));
        environment.put("SENDER_RECONCILIATION_RESOLVE_WITHIN", "5s");
        environment.put("SENDER_RECONCILIATION_SWEEP_INTERVAL", "1s");
        environment.put("SENDER_CONSUMER_SHUTDOWN_TIMEOUT", "1s");
        Path jar = LocalStack.serviceJar(infrastructure.settings().repositoryRoot(), StackService.OUTBOUND_SENDER)
                .orElseThrow(() -> new IllegalStateException("outbound-sender's jar is not built (./mvnw package)"));
        // the killed sender's group membership must expire quickly for the new one to get its partitions
        List<String> arguments = List.of("--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000");
        ChildProcess sender = new JvmLauncher(infrastructure.settings().logDirectory(), DATA.toString()).start(name,
                DATA, StackSettings.SERVICE_JVM_OPTIONS, JvmLauncher.jarLaunch(jar), arguments, environment);
        senders.add(sender);
        URI templates = URI.create("http://localhost:" + senderPort + "/templates");
        Readiness.await(sender, name, Duration.ofMinutes(3), () -> synced(templates));
        return sender;
    }

    /** The sender answers its operators' API (with the local profile's admin token) and knows the template. */
    private static boolean synced(URI templates) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(templates).timeout(Duration.ofSeconds(5))
                            .header("Authorization", "Bearer " + LocalSecrets.ADMIN_TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(TEMPLATE);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requestsTo() {
        return meta.findAll(postRequestedFor(urlPathEqualTo("/" + LocalSecrets.GRAPH_API_VERSION + "/"
                + LocalSecrets.PHONE_NUMBER_ID + "/messages")));
    }

    private Map<String, Integer> requestCountByKey() {
        return requestsTo().stream().collect(Collectors.toMap(r -> EventJson.mapper().readTree(r.getBodyAsString())
                .path("biz_opaque_callback_data").asString(), r -> 1, Integer::sum));
    }

    private <T extends TopicRecord> T last(String key, Class<T> type) {
        return outcomes.getOrDefault(key, List.of()).stream().filter(type::isInstance).map(type::cast)
                .reduce((a, b) -> b).orElse(null);
    }

    private boolean isUnknown(String key) {
        return outcomes.getOrDefault(key, List.of()).stream()
                .anyMatch(e -> e instanceof MessageRejected r && "Outcome unknown".equals(r.errorTitle()));
    }

    private boolean isRejectedWithAReason(String key) {
        return outcomes.getOrDefault(key, List.of()).stream().anyMatch(e -> e instanceof MessageRejected r
                && !"Outcome unknown".equals(r.errorTitle()) && r.reason() != null && !r.reason().isBlank());
    }

    private void collectOutcomes() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        CloudEventDeserializer events = new CloudEventDeserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    TopicRecord event = events.deserialize(record.topic(), record.headers(), record.value());
                    String key = switch (event) {
                        case MessageAccepted a -> a.idempotencyKey();
                        case MessageRejected r -> r.idempotencyKey();
                        case MessageOutcomeUnresolved u -> u.idempotencyKey();
                        default -> null;
                    };
                    if (key != null) {
                        outcomes.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(event);
                    }
                });
            }
        } catch (org.apache.kafka.common.errors.InterruptException stopping) {
            // the test is over
        }
    }

    private KafkaProducer<String, TopicRecord> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(properties, new StringSerializer(), new CloudEventSerializer("/kill-it"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
