package io.wabiz.reminders.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.reminders.Records;
import io.wabiz.reminders.ReminderSchedulerApplication;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import io.wabiz.testsupport.TopicWatcher;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the service, each its own JVM (the application's main class on this test's classpath), against
 * this JVM's Kafka broker and MongoDB server, both running the schedule every half second. Together they make one
 * run per day and one reminder per invoice and level; the replica running the job, killed (SIGKILL) halfway, leaves
 * the rest to the other, which completes it after the lock's {@code lockAtMostFor} (10 s here: more than planning and
 * one batch take on a loaded machine, or the lock would pass to the other replica mid-run) and sends none twice.
 */
class TwoReplicasTest {

    private static final int INVOICES = 1500;
    private static final int BATCH = 50;
    private static final LocalDate DUE = LocalDate.of(2026, 6, 1); // D+10 and D+30 are weekdays
    private static final String COMPANY = "res.company/replicas";
    private static final String TOKEN = "replica-test-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String database = "reminders-replicas-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Replica> replicas = new ArrayList<>();

    record Replica(String id, int port, Process process) {
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(r -> r.process().destroyForcibly());
    }

    @Test
    void oneRunPerDayAndOneReminderPerInvoiceAndLevelEvenWhenTheRunningReplicaIsKilled() throws Exception {
        replicas.add(start("replica-a"));
        replicas.add(start("replica-b"));
        replicas.forEach(TwoReplicasTest::awaitReady);
        setClocks(dakar(DUE.minusDays(10) + "T09:00")); // nothing due yet
        try (KafkaTestClient kafka = KafkaTestClient.embedded();
             MongoClient mongo = MongoClients.create(SharedMongoServer.connectionString(database))) {
            MongoDatabase db = mongo.getDatabase(database);
            seed(kafka);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() ->
                    db.getCollection("invoices").countDocuments(new Document("company", COMPANY)) == INVOICES
                            && db.getCollection("partners").countDocuments() >= 10);

            // together: one run of day +10, each invoice's level 10 once
            LocalDate day10 = DUE.plusDays(10);
            try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
                setClocks(dakar(day10 + "T09:00"));
                Document run = awaitRun(db, day10, "COMPLETED", Duration.ofSeconds(180));
                await().atMost(Duration.ofSeconds(30)).until(() -> ours(out).size() >= INVOICES);
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

                Map<String, Long> keys = countByKey(ours(out));
                assertThat(keys).hasSize(INVOICES).allSatisfy((key, times) -> {
                    assertThat(key).endsWith(":d+10@" + DUE);
                    assertThat(times).as(key).isEqualTo(1L);
                });
                assertThat(run.getInteger("attempts")).isEqualTo(1);
                assertThat(db.getCollection("reminder_runs").countDocuments(new Document("day", day10.toString())))
                        .isEqualTo(1);
            }

            // the replica running day +30 is killed halfway: the other completes it, nothing twice
            LocalDate day30 = DUE.plusDays(30);
            try (TopicWatcher out = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
                setClocks(dakar(day30 + "T09:00"));
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                        .until(() -> ours(out).size() >= INVOICES / 4);
                Document running = db.getCollection("reminder_runs").find(new Document("_id", COMPANY + "|" + day30))
                        .first();
                Replica victim = replicas.stream().filter(r -> r.id().equals(running.getString("replica")))
                        .findFirst().orElseThrow();
                victim.process().destroyForcibly().waitFor();
                int sentBeforeKill = ours(out).size();
                assertThat(db.getCollection("reminder_runs").find(new Document("_id", COMPANY + "|" + day30)).first()
                        .getString("status")).as("killed before it finished (%d sent)", sentBeforeKill)
                        .isEqualTo("RUNNING");
                assertThat(sentBeforeKill).isLessThan(INVOICES);

                Document completed = awaitRun(db, day30, "COMPLETED", Duration.ofSeconds(180));
                await().atMost(Duration.ofSeconds(30)).until(() -> countByKey(ours(out)).size() >= INVOICES);
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);

                Map<String, Long> keys = countByKey(ours(out));
                assertThat(keys).hasSize(INVOICES).allSatisfy((key, times) -> assertThat(key).endsWith(":d+30@" + DUE));
                assertThat(completed.getString("replica")).isNotEqualTo(victim.id());
                assertThat(completed.getInteger("attempts")).isEqualTo(2);
                // a command seen twice was claimed by the killed replica and not yet marked published: the survivor
                // republished it with the same id and key, which the sender refuses to send a second time
                List<String> twice = keys.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                        .toList();
                // at most two batches: the one Kafka was acknowledging and the one being claimed meanwhile
                assertThat(twice.size()).isLessThanOrEqualTo(2 * BATCH);
                assertThat(ours(out).stream().filter(c -> twice.contains(c.idempotencyKey()))
                        .collect(Collectors.groupingBy(SendMessage::idempotencyKey,
                                Collectors.mapping(SendMessage::id, Collectors.toSet()))))
                        .allSatisfy((key, ids) -> assertThat(ids).as("one command id per key").hasSize(1));
                // the survivor republishes every entry the victim claimed: those it had published are seen twice,
                // those it died before publishing once, so at least the ones seen twice and at most two batches
                assertThat(completed.get("counts", Document.class).getInteger("republished"))
                        .isBetween(twice.size(), 2 * BATCH);
                assertThat(db.getCollection("reminder_log").countDocuments(new Document("status", "CLAIMED")))
                        .isZero();
            }
        }
    }

    private void seed(KafkaTestClient kafka) {
        Instant erpTime = Instant.parse("2026-05-02T09:00:00Z");
        for (int p = 0; p < 10; p++) {
            kafka.publish(Records.partner("res.partner/replica-" + p, Records.newPhone()));
        }
        for (int i = 0; i < INVOICES; i++) {
            kafka.publish(Records.posted(Records.invoice("account.move/r" + i, "res.partner/replica-" + (i % 10),
                    COMPANY, DUE, "150000", PaymentState.NOT_PAID, "1", false), erpTime));
        }
    }

    private static List<SendMessage> ours(TopicWatcher out) {
        return out.events(SendMessage.class).stream()
                .filter(c -> c.idempotencyKey().contains(":account.move/r")).toList();
    }

    private static Map<String, Long> countByKey(List<SendMessage> commands) {
        return commands.stream().collect(Collectors.groupingBy(SendMessage::idempotencyKey, HashMap::new,
                Collectors.counting()));
    }

    private static Document awaitRun(MongoDatabase db, LocalDate day, String status, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> db
                .getCollection("reminder_runs").find(new Document("_id", COMPANY + "|" + day)).first(),
                run -> run != null && status.equals(run.getString("status")));
    }

    private Replica start(String id) throws IOException {
        int port = freePort();
        Path logs = Path.of("target", "replicas");
        logs.toFile().mkdirs();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ReminderSchedulerApplication.class.getName()));
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("spring.mongodb.uri", SharedMongoServer.connectionString(database));
        settings.put("spring.kafka.bootstrap-servers", SharedKafkaBroker.bootstrapServers());
        settings.put("spring.kafka.consumer.group-id", database);
        settings.put("logging.structured.format.console", "");
        settings.put("reminders.replica-id", id);
        settings.put("reminders.default-business-phone-number-id", "100000000000001");
        settings.put("reminders.links.signing-key", "replica-test-link-signing-key-0123456789abcdef");
        settings.put("reminders.clock.adjustable", "true");
        settings.put("reminders.security.static-tokens[0].token", TOKEN);
        settings.put("reminders.security.static-tokens[0].user", "replica-test");
        settings.put("reminders.security.static-tokens[0].roles[0]", "admin");
        settings.put("reminders.defaults.quiet-hours", "none");
        settings.put("reminders.defaults.run-at", "00:00");
        settings.put("reminders.run.tick-interval", "PT0.5S");
        settings.put("reminders.run.initial-delay", "PT1S");
        settings.put("reminders.run.lock-at-most-for", "PT10S");
        settings.put("reminders.run.lock-at-least-for", "PT0S");
        settings.put("reminders.run.batch-size", String.valueOf(BATCH));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(logs.toFile(), id + ".log")).start();
        return new Replica(id, port, process);
    }

    private static void awaitReady(Replica replica) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(replica.process().isAlive()).as(replica.id() + " died; see target/replicas").isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + replica.port()
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private void setClocks(Instant now) {
        for (Replica replica : replicas) {
            if (!replica.process().isAlive()) {
                continue;
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + replica.port() + "/admin/clock")).header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"now\":\"" + now + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Instant dakar(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Africa/Dakar")).toInstant();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
