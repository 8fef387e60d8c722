package io.wabiz.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.kafka.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@SpringBootTest(classes = EmbeddedInfrastructureTest.App.class)
@EmbeddedInfrastructure(database = "infrastructure-test")
class EmbeddedInfrastructureTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void contextIsPointedAtTheSharedBroker() {
        assertThat(bootstrapServers).isEqualTo(SharedKafkaBroker.bootstrapServers());
    }

    @Test
    void publishedRecordIsReceivedThroughTheRealBrokerWithItsCloudEventsHeaders() {
        PartnerUpserted partner = new PartnerUpserted(UUID.randomUUID().toString(), Instant.parse("2026-11-24T10:00:00Z"),
                "res.partner/42", "Dakar Hardware SARL", null, List.of("+221 77 123 45 67"), null, "fr_FR", "SN",
                OptInState.OPTED_IN, true);
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_PARTNERS)) {
            kafka.publish(partner);

            PartnerUpserted received = watcher.awaitEvent(PartnerUpserted.class, p -> p.id().equals(partner.id()));

            assertThat(received).isEqualTo(partner);
            var record = watcher.awaitRecord(r -> partner.id().equals(TopicWatcher.header(r, CloudEventHeaders.ID).orElse(null)));
            assertThat(record.key()).isEqualTo("res.partner/42");
            assertThat(TopicWatcher.header(record, CloudEventHeaders.TYPE)).contains("io.wabiz.PartnerUpserted");
            assertThat(TopicWatcher.header(record, CloudEventHeaders.SPEC_VERSION)).contains("1.0");
            assertThat(TopicWatcher.header(record, CloudEventHeaders.TIME)).contains("2026-11-24T10:00:00Z");
        }
    }

    @Test
    void watcherOpenedAfterAPublishDoesNotSeeIt() {
        String marker = UUID.randomUUID().toString();
        kafka.publishRaw(Topics.WEBHOOK_RAW, "k", marker.getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("x-marker", marker.getBytes(StandardCharsets.UTF_8))));
        try (TopicWatcher watcher = kafka.watch(Topics.WEBHOOK_RAW)) {
            watcher.assertNothingFor(Duration.ofMillis(500));
        }
        try (TopicWatcher fromStart = kafka.watchFromBeginning(Topics.WEBHOOK_RAW)) {
            var seen = fromStart.awaitRecord(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker));
            assertThat(seen.key()).isEqualTo("k");
        }
    }

    @Test
    void catalogueTopicsExistWithTheirPartitionCounts() {
        var description = SharedKafkaBroker.broker().doWithAdminFunction(admin -> {
            try {
                return admin.describeTopics(List.of(Topics.INBOUND_MESSAGES, Topics.TEMPLATES + "-dlt"))
                        .allTopicNames().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(description.get(Topics.INBOUND_MESSAGES).partitions()).hasSize(6);
        assertThat(description).containsKey(Topics.TEMPLATES + "-dlt");
    }

    @Test
    void storesAndQueriesThroughTheEmbeddedMongoServerWithUniqueIndexesEnforced() {
        if (mongo.collectionExists("conversations")) {
            mongo.dropCollection("conversations");
        }
        mongo.indexOps("conversations").createIndex(new Index().on("key", Sort.Direction.ASC).unique());
        for (int i = 0; i < 3; i++) {
            mongo.upsert(Query.query(Criteria.where("key").is("pn1:221770000001")),
                    new Update().inc("unread", 1).setOnInsert("createdBy", "test"), "conversations");
        }
        mongo.upsert(Query.query(Criteria.where("key").is("pn1:221770000002")),
                new Update().inc("unread", 1), "conversations");

        var first = mongo.findOne(Query.query(Criteria.where("key").is("pn1:221770000001")),
                org.bson.Document.class, "conversations");
        assertThat(first).isNotNull();
        assertThat(first.getInteger("unread")).isEqualTo(3);
        assertThat(mongo.count(new Query(), "conversations")).isEqualTo(2);
        assertThat(mongo.find(Query.query(Criteria.where("unread").gt(1)), org.bson.Document.class, "conversations"))
                .hasSize(1);
    }

    @SpringBootApplication
    static class App {
    }
}
