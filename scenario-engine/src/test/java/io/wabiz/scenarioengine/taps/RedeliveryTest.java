package io.wabiz.scenarioengine.taps;

import static io.wabiz.scenarioengine.Records.buttonTap;
import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.scenarioengine.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A tap interrupted after its plan was stored, and records that cannot be read. */
class RedeliveryTest extends ServiceTest {

    @Autowired
    TapLedger ledger;

    @Test
    void aTapInterruptedAfterItsPlanWasStoredPublishesTheSamePlanAgainNotANewOne() {
        String waId = newCustomer();
        String wamid = newWamid();
        Instant at = Instant.now();
        ConfirmSalesOrder planned = new ConfirmSalesOrder("planned-" + wamid, at, "sale.order/777", "S00777",
                new CustomerTap(BUSINESS_NUMBER, waId, wamid, at));
        Tap tap = new Tap(BUSINESS_NUMBER, waId, "Awa", wamid, at, at, new Tap.Button("order:sale.order/777:confirm:v1",
                "Valider", "button"));
        // as if the engine crashed between storing the plan and publishing it
        ledger.store(List.of(new Plan(tap, "confirm_order", TapOutcome.DONE, null, List.of(planned), null, null)),
                Map.of());

        kafka.publish(buttonTap(waId, wamid, "order:sale.order/777:confirm:v1", "Valider"));

        ConfirmSalesOrder again = out.awaitEvent(ConfirmSalesOrder.class, c -> c.tap().wamid().equals(wamid));
        assertThat(again.id()).isEqualTo(planned.id());
        // the order is unknown to the projection: a fresh decision would have answered, the stored plan does not
        assertNone(SendMessage.class, m -> wamid.equals(m.replyToWamid()), Duration.ofSeconds(2));
        assertThat(ledger.find(List.of(wamid)).get(wamid).done()).isTrue();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextTapIsStillHandled() {
        kafka.publishRaw(Topics.INBOUND_MESSAGES, BUSINESS_NUMBER + ":221770000000",
                "{not json".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("ce_type", "InboundMessageReceived".getBytes(StandardCharsets.UTF_8))));
        String wamid = newWamid();
        kafka.publish(io.wabiz.scenarioengine.Records.text(newCustomer(), wamid, "menu"));

        out.awaitRecord(r -> r.topic().equals(Topics.deadLetter(Topics.INBOUND_MESSAGES)));
        out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
    }
}
