package io.wabiz.odoo.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.odoo.ServiceTest;
import io.wabiz.odoosim.faults.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Odoo behind its proxy is down while customers tap Valider: every tap counts once it is back. 15 s by default (the
 * test configuration's backoff tops out at 2 s: that is several rounds of retries per tap); the whole minute
 * with {@code -Dodoo.outage.seconds=60}.
 */
class OdooOutageTest extends ServiceTest {

    @Autowired
    MeterRegistry meters;

    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("odoo.outage.seconds", 15));

    @Test
    void everyConfirmationTappedWhileOdooWasDownIsAppliedOnceWhenItIsBack() {
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(newQuotation(1 + i));
        }
        odoo().fault(new Fault(Fault.Kind.BAD_GATEWAY, null, null, null, null, List.of(), List.of()));
        long start = System.nanoTime();
        long end = start + OUTAGE.toNanos();
        for (int i = 0; i < orders.size(); i++) {
            // taps spread over the outage
            long tapAt = start + OUTAGE.dividedBy(orders.size()).toNanos() * i;
            await().atMost(OUTAGE).until(() -> System.nanoTime() >= tapAt);
            kafka.publish(new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + orders.get(i),
                    null, new CustomerTap("100000000000001", "221770000001", "wamid.OUTAGE" + UUID.randomUUID()
                    .toString().replace("-", ""), Instant.now())));
        }
        await().atMost(OUTAGE).until(() -> System.nanoTime() >= end);
        assertThat(orders).allSatisfy(order -> assertThat(readInOdoo("sale.order", order, "state").get("state"))
                .as("nothing reached Odoo while it was down").isEqualTo("draft"));
        // visible, not a pause: the commands wait and the connector keeps trying
        assertThat(meters.get("odoo.connector.reachable").gauge().value()).isZero();
        assertThat(meters.get("odoo.connector.paused").gauge().value()).isZero();
        assertThat(http("GET", "/api/odoo/status", AGENT, null).body()).contains("\"unreachableSince\":\"")
                .contains("HTTP 502");

        odoo().clearFault();

        await().atMost(Duration.ofSeconds(60)).until(() -> orders.stream().allMatch(order ->
                "sale".equals(readInOdoo("sale.order", order, "state").get("state"))
                        && Boolean.TRUE.equals(readInOdoo("sale.order", order, "x_whatsapp_validated")
                        .get("x_whatsapp_validated"))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> orders.stream()
                .allMatch(order -> odoo().rpcLog().count("sale.order", "action_confirm", order) == 1));
        assertThat(meters.get("odoo.connector.reachable").gauge().value()).isEqualTo(1.0);
    }
}
