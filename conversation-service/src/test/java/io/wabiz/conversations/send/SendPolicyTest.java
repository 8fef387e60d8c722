package io.wabiz.conversations.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.conversations.send.SendPolicy.Recipient;
import io.wabiz.conversations.send.SendPolicy.Refusal;
import io.wabiz.events.outbound.OutboundContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final OutboundContent TEXT = new OutboundContent.Text("Bonjour", false);
    private static final OutboundContent.Template PROMO = new OutboundContent.Template("promo", "fr", List.of());
    private static final OutboundContent.Template UTILITY = new OutboundContent.Template("invoice", "fr", List.of());

    private static Recipient open() {
        return new Recipient(true, "221771234567", false, false, NOW.plus(Duration.ofHours(3)));
    }

    private static java.util.Optional<Refusal> check(Recipient recipient, OutboundContent content,
                                                     OutboundContent.Template fallback, boolean essential) {
        return SendPolicy.refusal(recipient, content, fallback, essential, t -> t.name().equals("promo"), NOW);
    }

    @Test
    void freeFormInsideTheWindowGoes() {
        assertThat(check(open(), TEXT, null, false)).isEmpty();
    }

    @Test
    void anInactivePartnerIsRefusedEvenWithAnOpenWindow() {
        assertThat(check(new Recipient(true, "221771234567", false, false, NOW.plusSeconds(60), false), TEXT, null,
                false)).contains(Refusal.INACTIVE_PARTNER);
    }

    @Test
    void unknownPartnerAndMissingPhoneAreRefusedFirst() {
        assertThat(check(new Recipient(false, null, false, false, null), TEXT, null, false))
                .contains(Refusal.UNKNOWN_PARTNER);
        assertThat(check(new Recipient(true, null, false, false, null), TEXT, UTILITY, false))
                .contains(Refusal.NO_PHONE);
    }

    @Test
    void optedOutCustomersGetNoStaffSendButStillGetRepliesToTheirOwnMessages() {
        Recipient optedOut = new Recipient(true, "221771234567", true, false, NOW.plusSeconds(60));
        assertThat(check(optedOut, TEXT, null, false)).contains(Refusal.OPTED_OUT);
        assertThat(check(optedOut, TEXT, null, true)).isEmpty();
    }

    @Test
    void freeFormOutsideTheWindowNeedsAFallbackTemplate() {
        Recipient closed = new Recipient(true, "221771234567", false, false, NOW.minusSeconds(1));
        Recipient neverWrote = new Recipient(true, "221771234567", false, false, null);
        assertThat(check(closed, TEXT, null, false)).contains(Refusal.WINDOW_CLOSED_WITHOUT_TEMPLATE);
        assertThat(check(neverWrote, TEXT, null, false)).contains(Refusal.WINDOW_CLOSED_WITHOUT_TEMPLATE);
        assertThat(check(closed, TEXT, UTILITY, false)).isEmpty();
        assertThat(check(closed, UTILITY, null, false)).isEmpty();
    }

    @Test
    void marketingTemplatesSkipCustomersWhoStoppedMarketing() {
        Recipient stoppedMarketing = new Recipient(true, "221771234567", false, true, null);
        assertThat(check(stoppedMarketing, PROMO, null, false)).contains(Refusal.MARKETING_OPTED_OUT);
        assertThat(check(stoppedMarketing, TEXT, PROMO, false)).contains(Refusal.MARKETING_OPTED_OUT);
        assertThat(check(stoppedMarketing, UTILITY, null, false)).isEmpty();
    }
}
