package io.wabiz.odoo.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.odoo.ServiceTest;
import io.wabiz.odoo.health.ConnectorState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A revoked API key pauses the connector with an alert; the commands wait and are applied once it can log in again. */
class PauseTest extends ServiceTest {

    @Autowired
    ConnectorState state;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRevokedKeyPausesTheConnectorAndTheWaitingConfirmationIsAppliedWhenTheKeyIsBack() {
        long order = newQuotation(7);
        odoo().server().revokeKey(2, true);

        kafka.publish(new ConfirmSalesOrder("cmd-" + UUID.randomUUID(), Instant.now(), "sale.order/" + order, null,
                new CustomerTap("100000000000001", "221770000001", "wamid.PAUSE" + UUID.randomUUID(), Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(state::paused);
        assertThat(state.pause().fault()).contains("odoo.exceptions.AccessDenied", "Access Denied");
        assertThat(meters.get("odoo.connector.paused").gauge().value()).isEqualTo(1.0);
        assertThat(http("GET", "/actuator/health", null, null).body()).contains("OUT_OF_SERVICE");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "draft".equals(readInOdoo("sale.order", order, "state").get("state")));

        odoo().server().revokeKey(2, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> !state.paused());
        assertThat(meters.get("odoo.connector.paused").gauge().value()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> "sale".equals(readInOdoo("sale.order", order, "state")
                .get("state")));
    }
}
