package io.wabiz.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The same checks against real Kafka and MongoDB images; skipped where there is no Docker engine. */
@SpringBootTest(classes = ContainerInfrastructureTest.App.class)
@ContainerInfrastructure(database = "container-test")
class ContainerInfrastructureTest {

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void publishesThroughARealKafkaImageAndStoresInARealMongoDb() {
        PartnerUpserted partner = new PartnerUpserted(UUID.randomUUID().toString(), Instant.now(), "res.partner/7",
                "Thiès Distribution", null, List.of("221771234567"), null, "fr_FR", "SN", OptInState.UNKNOWN, true);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
             TopicWatcher watcher = kafka.watch(Topics.ERP_PARTNERS)) {
            kafka.publish(partner);
            assertThat(watcher.awaitEvent(PartnerUpserted.class, p -> p.id().equals(partner.id()))).isEqualTo(partner);
        }
        mongo.insert(new Document("_id", partner.partnerId()).append("name", partner.name()), "partners");
        assertThat(mongo.findById(partner.partnerId(), Document.class, "partners")).containsEntry("name", partner.name());
    }

    @SpringBootApplication
    static class App {
    }
}
