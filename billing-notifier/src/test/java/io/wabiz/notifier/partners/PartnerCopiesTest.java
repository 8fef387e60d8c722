package io.wabiz.notifier.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The flows keep the partners they read in memory; a change another instance wrote to the projection (the one
 * whose partition of {@code erp.partners} carried it) must count for this instance's very next order.
 */
class PartnerCopiesTest extends ServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PhoneNumbers phoneNumbers;

    @Test
    void anOptOutOrANewNumberWrittenByAnotherInstanceCountsForTheNextOrder() {
        PartnerProjection otherInstance = new PartnerProjection(mongo, phoneNumbers, 100);
        String partnerId = newId();
        String mobile = newMobile();
        otherInstance.upsert(partner(partnerId, mobile, "fr", OptInState.OPTED_IN, true, "1"));
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            String first = newId();
            kafka.publish(created(order(first, partnerId, SalesOrderState.QUOTATION, "XOF", "5000", "1", "1")));
            assertThat(commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(first))
                    .recipientWaId()).isEqualTo(waIdOf(mobile)); // this instance has read (and kept) the partner

            otherInstance.upsert(partner(partnerId, mobile, "fr", OptInState.OPTED_OUT, true, "1"));
            String second = newId();
            kafka.publish(created(order(second, partnerId, SalesOrderState.QUOTATION, "XOF", "6000", "1", "1")));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer answer = get("/api/orders/" + second + "/notifications", AGENT);
                assertThat(answer.body()).hasSize(1);
                assertThat(answer.body().get(0).get("skipped").get("reason").asString()).isEqualTo("opted_out");
            });

            String newMobile = newMobile();
            otherInstance.upsert(partner(partnerId, newMobile, "fr", OptInState.OPTED_IN, true, "1"));
            String third = newId();
            kafka.publish(created(order(third, partnerId, SalesOrderState.QUOTATION, "XOF", "7000", "1", "1")));
            assertThat(commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(third))
                    .recipientWaId()).isEqualTo(waIdOf(newMobile));
            assertThat(commands.events(SendMessage.class)).noneMatch(c -> c.correlation().documentId().equals(second));
        }
    }
}
