package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.whatsapp.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventSerdeTest {

    private final NotificationRecorded recorded = new NotificationRecorded("evt-1", Instant.parse("2026-11-24T09:15:03Z"),
            ErpDocumentType.INVOICE, "account.move/5531", NotificationKind.INVOICE, Instant.parse("2026-11-24T09:15:03Z"),
            "wamid.abc", "100000000000001", "221771234567");

    @Test
    void writesTheCloudEventsBinaryHeadersAndReadsTheRecordBackByItsType() {
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(Map.of(CloudEventSerializer.SOURCE_CONFIG, "/billing-notifier"), false);
        RecordHeaders headers = new RecordHeaders();

        byte[] bytes = serializer.serialize(Topics.ERP_NOTIFICATIONS, headers, recorded);

        assertThat(CloudEventHeaders.read(headers, "ce_id")).contains("evt-1");
        assertThat(CloudEventHeaders.read(headers, "ce_type")).contains("io.wabiz.NotificationRecorded");
        assertThat(CloudEventHeaders.read(headers, "ce_source")).contains("/billing-notifier");
        assertThat(CloudEventHeaders.read(headers, "ce_time")).contains("2026-11-24T09:15:03Z");
        assertThat(CloudEventHeaders.read(headers, "ce_specversion")).contains("1.0");
        assertThat(new CloudEventDeserializer().deserialize(Topics.ERP_NOTIFICATIONS, headers, bytes)).isEqualTo(recorded);
    }

    @Test
    void refusesARecordWithoutTypeOrWithAnUnknownTypeSayingWhy() {
        byte[] bytes = EventJson.toBytes(recorded);
        CloudEventDeserializer deserializer = new CloudEventDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize("t", new RecordHeaders(), bytes))
                .isInstanceOf(SerializationException.class).hasMessage("record on t has no ce_type header");
        RecordHeaders unknown = new RecordHeaders();
        unknown.add("ce_type", "OrderTeleported".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> deserializer.deserialize("t", unknown, bytes))
                .isInstanceOf(SerializationException.class).hasMessage("unknown ce_type 'OrderTeleported' on t");
    }

    @Test
    void readsTheReverseDnsTypeAndTheShortNameOfRecordsWrittenBeforeIt() {
        byte[] bytes = EventJson.toBytes(recorded);
        for (String type : java.util.List.of("io.wabiz.NotificationRecorded", "NotificationRecorded")) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            assertThat(new CloudEventDeserializer().deserialize("t", headers, bytes)).as(type).isEqualTo(recorded);
        }
        RecordHeaders otherPrefix = new RecordHeaders();
        otherPrefix.add("ce_type", "com.example.NotificationRecorded".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CloudEventDeserializer().deserialize("t", otherPrefix, bytes))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void refusesAPayloadThatDoesNotMapToItsType() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "NotificationRecorded".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new CloudEventDeserializer().deserialize("t", headers, "[1,2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("cannot read NotificationRecorded on t");
    }

    @Test
    void tombstoneReadsAsNull() {
        assertThat(new CloudEventDeserializer().deserialize(Topics.TEMPLATES, new RecordHeaders(), (byte[]) null)).isNull();
    }

    @Test
    void conversationKeyJoinsAndSplitsOnTheFirstColon() {
        assertThat(ConversationKey.of("100000000000001", "221771234567")).isEqualTo("100000000000001:221771234567");
        assertThat(ConversationKey.parse("100000000000001:221771234567"))
                .isEqualTo(new ConversationKey("100000000000001", "221771234567"));
        assertThatThrownBy(() -> ConversationKey.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesOnlyMoveForward() {
        assertThat(DeliveryStatus.DELIVERED.advances(DeliveryStatus.SENT)).isTrue();
        assertThat(DeliveryStatus.READ.advances(DeliveryStatus.DELIVERED)).isTrue();
        assertThat(DeliveryStatus.DELIVERED.advances(DeliveryStatus.READ)).isFalse();
        assertThat(DeliveryStatus.SENT.advances(DeliveryStatus.SENT)).isFalse();
        assertThat(DeliveryStatus.READ.advances(DeliveryStatus.FAILED)).isFalse();
        assertThat(DeliveryStatus.FAILED.advances(DeliveryStatus.READ)).isTrue();
        assertThat(DeliveryStatus.SENT.advances(null)).isTrue();
    }

    @Test
    void everyRecordTypeIsCarriedByExactlyOneTopic() {
        for (Class<? extends TopicRecord> type : TopicCatalogue.allRecordTypes()) {
            long carriers = java.util.Arrays.stream(TopicCatalogue.values()).filter(t -> t.recordTypes().contains(type)).count();
            assertThat(carriers).as(type.getSimpleName()).isEqualTo(1);
            assertThat(TopicCatalogue.recordType(type.getSimpleName())).contains(type);
        }
        assertThat(TopicCatalogue.values()).extracting(TopicCatalogue::topic).allMatch(t -> t.matches("[a-z.-]+"));
    }
}
