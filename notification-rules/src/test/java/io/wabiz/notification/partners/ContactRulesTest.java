package io.wabiz.notification.partners;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notification.SkipReason;
import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    private final PhoneNumbers phones = new PhoneNumbers("SN");

    private PartnerContact partner(List<String> numbers, String country, OptInState optIn, boolean active) {
        return PartnerContact.from(new PartnerUpserted("e1", Instant.parse("2026-03-01T10:00:00Z"), "p1", "Awa Diop",
                "Diop SARL", numbers, null, "fr_FR", country, optIn, active, "1"), phones);
    }

    @Test
    void sendsToTheFirstValidNumberReadInThePartnersCountry() {
        PartnerContact awa = partner(List.of("not a number", "77 123 45 67", "+33 6 12 34 56 78"), "SN",
                OptInState.UNKNOWN, true);
        assertThat(awa.phones()).containsExactly("+221771234567", "+33612345678");
        assertThat(awa.invalidPhones()).containsExactly("not a number");
        assertThat(ContactRules.reachability(awa)).isEqualTo(new Reachability.Reachable("221771234567"));
    }

    @Test
    void readsNationalNumbersWithThePartnersOwnCountry() {
        PartnerContact french = partner(List.of("06 12 34 56 78"), "FR", OptInState.OPTED_IN, true);
        assertThat(french.waId()).contains("33612345678");
    }

    @Test
    void explainsWhyAPartnerGetsNothing() {
        assertThat(ContactRules.reachability(null)).isEqualTo(new Reachability.Unreachable(SkipReason.PARTNER_UNKNOWN));
        assertThat(ContactRules.reachability(partner(List.of("771234567"), "SN", OptInState.OPTED_IN, false)))
                .isEqualTo(new Reachability.Unreachable(SkipReason.PARTNER_INACTIVE));
        assertThat(ContactRules.reachability(partner(List.of("771234567"), "SN", OptInState.OPTED_OUT, true)))
                .isEqualTo(new Reachability.Unreachable(SkipReason.OPTED_OUT));
        assertThat(ContactRules.reachability(partner(List.of("12", "abc"), "SN", OptInState.OPTED_IN, true)))
                .isEqualTo(new Reachability.Unreachable(SkipReason.NO_VALID_NUMBER));
        assertThat(ContactRules.reachability(partner(List.of(), "SN", OptInState.OPTED_IN, true)))
                .isEqualTo(new Reachability.Unreachable(SkipReason.NO_VALID_NUMBER));
    }

    @Test
    void aCompanyMayRequireAnExplicitOptIn() {
        PartnerContact unknown = partner(List.of("771234567"), "SN", OptInState.UNKNOWN, true);
        assertThat(ContactRules.reachability(unknown, OptInPolicy.REQUIRE_OPT_IN))
                .isEqualTo(new Reachability.Unreachable(SkipReason.NOT_OPTED_IN));
        assertThat(ContactRules.reachability(unknown, OptInPolicy.UNLESS_OPTED_OUT).reachable()).isTrue();
    }
}
