package io.wabiz.conversations.history.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.wabiz.conversations.Records;
import io.wabiz.conversations.history.documents.MessageDocument;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.testsupport.SharedMongoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One message's statuses written one record at a time, in every order: the history ends at the furthest status
 * with the first time of each, whatever order and repetition Meta's webhooks come in.
 */
class StatusOrderTest {

    private static final String CUSTOMER = "221770000042";
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static MongoClient client;
    private static HistoryWriters history;
    private static HistoryQueries queries;

    @BeforeAll
    static void store() {
        client = MongoClients.create(SharedMongoServer.connectionString("status-order-test"));
        MongoTemplate mongo = new MongoTemplate(client, "status-order-test");
        history = HistoryWriters.of(mongo, Duration.ofHours(24));
        queries = new HistoryQueries(mongo);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aDeliveredAfterReadIsLateAndLeavesTheMessageRead() {
        String wamid = accepted();
        assertThat(history.statuses().record(status(wamid, DeliveryStatus.READ, 3))).isEqualTo(Outcome.ADVANCED);
        assertThat(history.statuses().record(status(wamid, DeliveryStatus.DELIVERED, 2))).isEqualTo(Outcome.LATE);

        MessageDocument message = queries.message(wamid).orElseThrow();
        assertThat(message.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(message.timeline()).containsEntry("DELIVERED", T0.plusSeconds(2)).containsEntry("READ", T0.plusSeconds(3));
    }

    @Test
    void aDeliveredAfterFailedLeavesTheMessageFailedWithItsError() {
        String wamid = accepted();
        history.statuses().record(status(wamid, DeliveryStatus.FAILED, 5));
        assertThat(history.statuses().record(status(wamid, DeliveryStatus.DELIVERED, 2))).isEqualTo(Outcome.LATE);

        MessageDocument message = queries.message(wamid).orElseThrow();
        assertThat(message.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(message.error().code()).isEqualTo(131026);
    }

    /** Seeded: the seed is printed, and {@code -Dstatus.order.seed=<seed>} repeats a failing run. */
    @Test
    void everyShuffledOrderOfSingleRecordsEndsAtTheFurthestStatusWithEveryFirstTime() {
        long seed = Long.getLong("status.order.seed", System.nanoTime());
        System.out.println("StatusOrderTest seed " + seed + " (repeat with -Dstatus.order.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            int round = i;
            boolean fails = random.nextBoolean();
            String wamid = "wamid.ORDER-" + UUID.randomUUID();
            Map<DeliveryStatus, Integer> seconds = new LinkedHashMap<>();
            seconds.put(DeliveryStatus.SENT, 1);
            seconds.put(DeliveryStatus.DELIVERED, 2);
            seconds.put(fails ? DeliveryStatus.FAILED : DeliveryStatus.READ, 3);
            List<TopicRecord> records = new ArrayList<>();
            records.add(Records.accepted(CUSTOMER, wamid, "Votre facture", T0));
            seconds.forEach((status, at) -> {
                records.add(status(wamid, status, at));
                records.add(status(wamid, status, at + random.nextInt(3))); // Meta's retry, perhaps later
            });
            Collections.shuffle(records, random);

            for (TopicRecord record : records) {
                if (record instanceof MessageAccepted accepted) {
                    history.sendOutcomes().recordAccepted(accepted);
                } else {
                    history.statuses().record((MessageStatusChanged) record);
                }
            }

            MessageDocument message = queries.message(wamid).orElseThrow();
            assertThat(message.status()).as("round %d of seed %d: %s", round, seed, records)
                    .isEqualTo(fails ? DeliveryStatus.FAILED : DeliveryStatus.READ);
            seconds.forEach((status, at) -> assertThat(message.timeline())
                    .as("round %d of seed %d", round, seed).containsEntry(status.name(), T0.plusSeconds(at)));
            assertThat(message.timeline()).containsKey("PENDING");
        }
    }

    private static String accepted() {
        String wamid = "wamid.ORDER-" + UUID.randomUUID();
        history.sendOutcomes().recordAccepted(Records.accepted(CUSTOMER, wamid, "Votre facture", T0));
        return wamid;
    }

    private static MessageStatusChanged status(String wamid, DeliveryStatus status, int second) {
        return status == DeliveryStatus.FAILED
                ? Records.status(CUSTOMER, wamid, status, T0.plusSeconds(second),
                        new MetaError(131026, "Message undeliverable", null, "Receiver is incapable", null))
                : Records.status(CUSTOMER, wamid, status, T0.plusSeconds(second));
    }
}
