package io.wabiz.notifier.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.platform.kafka.PlatformKafkaAutoConfiguration;
import io.wabiz.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterTest extends ServiceTest {

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(PlatformKafkaAutoConfiguration.REASON_HEADER).value(),
                StandardCharsets.UTF_8);
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicWithItsReasonAndChangesNothing() {
        String orderId = newId();
        try (TopicWatcher dlt = kafka.watch(Topics.deadLetter(Topics.ERP_SALES_ORDERS));
             TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publishRaw(Topics.ERP_SALES_ORDERS, orderId, "{\"order\": {\"orderId\": ".getBytes(
                    StandardCharsets.UTF_8), List.of(new RecordHeader(CloudEventHeaders.TYPE,
                    "SalesOrderCreated".getBytes(StandardCharsets.UTF_8)), new RecordHeader(CloudEventHeaders.ID,
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))));
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> orderId.equals(r.key()));
            assertThat(reason(dead)).isNotBlank();
            commands.assertNothingFor(Duration.ofMillis(500));
        }
        assertThat(get("/api/orders/" + orderId, AGENT).status()).isEqualTo(404);
    }

    @Test
    void anUnknownEventTypeGoesToTheDeadLetterTopic() {
        String key = newId();
        try (TopicWatcher dlt = kafka.watch(Topics.deadLetter(Topics.ERP_SALES_ORDERS))) {
            kafka.publishRaw(Topics.ERP_SALES_ORDERS, key, "{}".getBytes(StandardCharsets.UTF_8), List.of(
                    new RecordHeader(CloudEventHeaders.TYPE, "SalesOrderTeleported".getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader(CloudEventHeaders.ID, UUID.randomUUID().toString()
                            .getBytes(StandardCharsets.UTF_8))));
            assertThat(reason(dlt.awaitRecord(r -> key.equals(r.key())))).isNotBlank();
        }
    }

    @Test
    void anOrderWithoutItsPartnerIsRefusedWithTheReasonAndTheRestOfTheBatchGoesOn() {
        String broken = newId();
        String fine = newId();
        SalesOrder noPartner = order(broken, null, SalesOrderState.QUOTATION, "XOF", "1000", "1", "1");
        try (TopicWatcher dlt = kafka.watch(Topics.deadLetter(Topics.ERP_SALES_ORDERS))) {
            kafka.publish(new SalesOrderCreated(UUID.randomUUID().toString(), now(), noPartner));
            kafka.publish(created(order(fine, newId(), SalesOrderState.QUOTATION, "XOF", "1000", "1", "1")));
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(r -> broken.equals(r.key()));
            assertThat(reason(dead)).contains("has no partnerId");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    get("/api/orders/" + fine, AGENT).status() == 200);
        }
        assertThat(get("/api/orders/" + broken, AGENT).status()).isEqualTo(404);
        assertThat(get("/api/orders/" + broken + "/notifications", AGENT).body()).isEmpty();
    }
}
