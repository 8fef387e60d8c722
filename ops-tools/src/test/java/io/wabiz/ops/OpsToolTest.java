package io.wabiz.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wabiz.events.EventJson;
import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.WebhookReceived;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TopicWatcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OpsToolTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void done() {
        // the shared client belongs to the JVM
    }

    @Test
    void listsEachDeadLetterWithItsReason() {
        deadLetter(Topics.ERP_PARTNERS, "res.partner/7", "{\"broken\":", "unknown record type NotAPartner");

        int exit = run("dead-letters", "list", Topics.ERP_PARTNERS);

        assertThat(exit).as(text(err)).isZero();
        assertThat(text(out)).contains("key=res.partner/7").contains("reason: unknown record type NotAPartner")
                .contains("1 dead letter(s) on erp.partners-dlt");
    }

    @Test
    void replaysOnlyTheNamedDeadLetterToItsTopicWithoutTheFailureHeaders() {
        var first = deadLetter(Topics.ERP_SALES_ORDERS, "sale.order/1", "{\"id\":\"a\"}", "MongoDB timed out");
        deadLetter(Topics.ERP_SALES_ORDERS, "sale.order/2", "{\"id\":\"b\"}", "MongoDB timed out");
        try (TopicWatcher original = kafka.watch(Topics.ERP_SALES_ORDERS)) {
            int exit = run("dead-letters", "replay", Topics.ERP_SALES_ORDERS + "-dlt", "--offset",
                    first.partition() + ":" + first.offset());

            assertThat(exit).as(text(err)).isZero();
            var replayed = original.awaitRecord(r -> "sale.order/1".equals(r.key()));
            assertThat(new String(replayed.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}");
            assertThat(TopicWatcher.header(replayed, "ce_type")).contains("io.wabiz.SalesOrderCreated");
            assertThat(TopicWatcher.header(replayed, DeadLetterCommands.REPLAYED_FROM))
                    .contains("erp.sales-orders-dlt@" + first.partition() + ":" + first.offset());
            assertThat(TopicWatcher.header(replayed, DeadLetterCommands.REASON)).isEmpty();
            assertThat(TopicWatcher.header(replayed, "kafka_dlt-original-topic")).isEmpty();
            // the other dead letter stays where it is: still only the one record after a quiet period of 2 s
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> original.records().size() == 1);
        }
    }

    @Test
    void replaysNothingWhenAnOffsetNamedIsNotThere() {
        var present = deadLetter(Topics.ERP_INVOICES, "account.move/9", "{}", "bad");
        try (TopicWatcher original = kafka.watch(Topics.ERP_INVOICES)) {
            int exit = run("dead-letters", "replay", Topics.ERP_INVOICES, "--offset",
                    present.partition() + ":" + present.offset(), "--offset", "0:999999");

            assertThat(exit).isEqualTo(2);
            assertThat(text(err)).contains("nothing replayed");
            original.assertNothingFor(Duration.ofSeconds(2));
        }
    }

    @Test
    void refusesAWrongCommandLineWithItsUsage() {
        assertThat(run("dead-letters", "replay", Topics.ERP_INVOICES)).isEqualTo(2);
        assertThat(text(err)).contains("--offset <partition>:<offset> ... or --all");
        assertThat(run("dead-letters", "list", "a", "--offset", "x")).isEqualTo(2);
        assertThat(run("raw-webhooks", "replay", "--ingress", "http://localhost:1/webhook")).isEqualTo(2);
        assertThat(text(err)).contains("--since <instant> is required");
    }

    @Test
    void repostsRawWebhooksSignedAsMetaWouldAndStopsAtTheFirst5xx() throws Exception {
        Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String phone = "109000000000" + System.nanoTime() % 1000;
        for (int i = 1; i <= 3; i++) {
            kafka.publish(new WebhookReceived("raw-" + phone + "-" + i, Instant.now(), phone,
                    "{\"object\":\"whatsapp_business_account\",\"n\":" + i + "}", null));
        }
        kafka.publish(new WebhookReceived("raw-other", Instant.now(), "another-number", "{\"n\":0}", null));
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        HttpServer ingress = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        ingress.createContext("/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean signed = ("sha256=" + RawWebhookReplay.hmac("app-secret", body))
                    .equals(exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"));
            received.add((signed ? "signed " : "unsigned ") + body);
            int status = answers.incrementAndGet() == 3 ? 503 : 200; // the third body meets a Kafka outage
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        ingress.start();
        try {
            String url = "http://localhost:" + ingress.getAddress().getPort() + "/webhook";
            int exit = OpsTool.run(new String[]{"raw-webhooks", "replay", "--since", since.toString(),
                    "--phone-number-id", phone, "--ingress", url}, env(Map.of("INGRESS_APP_SECRET", "app-secret")),
                    new PrintStream(out), new PrintStream(err));

            assertThat(received).containsExactly("signed {\"object\":\"whatsapp_business_account\",\"n\":1}",
                    "signed {\"object\":\"whatsapp_business_account\",\"n\":2}",
                    "signed {\"object\":\"whatsapp_business_account\",\"n\":3}");
            assertThat(exit).isEqualTo(1);
            assertThat(text(err)).contains("answered 503 for raw-" + phone + "-3").contains("stopped after 2 accepted");
        } finally {
            ingress.stop(0);
        }
    }

    private org.apache.kafka.clients.producer.RecordMetadata deadLetter(String topic, String key, String value, String reason) {
        List<Header> headers = List.of(
                new RecordHeader("ce_type", (topic.equals(Topics.ERP_SALES_ORDERS) ? "io.wabiz.SalesOrderCreated" : "io.wabiz.Other")
                        .getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("ce_id", ("id-" + key).getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(DeadLetterCommands.REASON, reason.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("kafka_dlt-original-topic", topic.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8)));
        return kafka.publishRaw(Topics.deadLetter(topic), key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    private int run(String... args) {
        return OpsTool.run(args, env(Map.of()), new PrintStream(out), new PrintStream(err));
    }

    private static Map<String, String> env(Map<String, String> extra) {
        var env = new java.util.HashMap<>(extra);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        return env;
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
