package io.wabiz.simulator.payments;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment provider stand-in, under {@code simulator.payments.*}: it plays Wave's Checkout API, so the
 * notifier's real Wave adapter runs against it.
 *
 * @param webhookUrl    where a paid session's signed webhook goes (the notifier's callback); none: no webhook
 * @param webhookSecret the signing secret both sides share (a local, obviously fake one)
 * @param sessionLifetime how long a checkout session stays open, like Wave's 30 minutes
 */
@ConfigurationProperties("simulator.payments")
public record PaymentsSimulatorProperties(URI webhookUrl,
                                          @DefaultValue("wave_sn_WHS_local-simulator-secret") String webhookSecret,
                                          @DefaultValue("30m") Duration sessionLifetime) {
}
