package io.wabiz.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.bench.chaos.Observations.BusinessMessage;
import io.wabiz.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker on a recorded short run ({@code recorded-short-run.json}: the observations of a {@code ChaosShortIT}
 * run, with a Meta stall, a broker pause, Odoo down and two kills): it holds; the same run with one message Meta
 * received twice for one key (what a sender resending an ambiguous call would cause) does not.
 */
class RecordedRunTest {

    @Test
    void theRecordedRunHoldsEveryInvariant() {
        Observations recorded = recorded();

        assertThat(recorded.businessMessages()).hasSizeGreaterThan(20);
        assertThat(recorded.taps()).isNotEmpty();
        assertThat(new InvariantChecker(recorded).check())
                .allSatisfy(r -> assertThat(r.violations()).as(r.name()).isEmpty());
    }

    @Test
    void theSameRunWithOneNotificationSentTwiceBreaksTheDuplicateAndTheOneMessagePerFactInvariants() {
        Observations recorded = recorded();
        BusinessMessage sent = recorded.businessMessages().stream()
                .filter(m -> m.key() != null && m.key().startsWith("order_created:")).findFirst().orElseThrow();
        List<BusinessMessage> messages = new ArrayList<>(recorded.businessMessages());
        messages.add(new BusinessMessage("wamid.resent-after-timeout", sent.customerWaId(), sent.key(), null,
                sent.type(), "delivered", sent.text()));
        Observations resent = new Observations(messages, recorded.webhooks(), recorded.history(), recorded.orders(),
                recorded.invoices(), recorded.taps(), recorded.payments(), recorded.staffReplies(),
                recorded.sendOutcomes(), recorded.skips(), recorded.deadLetters());

        assertThat(InvariantCheckerTest.violations(resent, "no-message-twice")).singleElement().asString()
                .contains(sent.key(), "wamid.resent-after-timeout");
        assertThat(InvariantCheckerTest.violations(resent, "erp-fact-one-message")).singleElement().asString()
                .contains("2 messages");
        assertThat(new InvariantChecker(resent).check()).filteredOn(r -> !r.holds()).extracting(r -> r.name())
                .containsExactlyInAnyOrder("no-message-twice", "erp-fact-one-message");
    }

    static Observations recorded() {
        try (InputStream in = RecordedRunTest.class.getResourceAsStream("/recorded-short-run.json")) {
            return EventJson.mapper().readValue(in, Observations.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
