package io.wabiz.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import io.wabiz.notification.routing.BusinessNumberRouting.Company;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessNumberRoutingTest {

    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");

    @Test
    void aCompanySpeaksThroughItsNumberOthersThroughTheDefault() {
        BusinessNumberRouting routing = new BusinessNumberRouting(Map.of(
                "2", new Company("100000000000002", ZoneId.of("Africa/Abidjan"), "en", OptInPolicy.REQUIRE_OPT_IN)),
                new Company("100000000000001", DAKAR, "fr", null));
        CompanyRoute second = routing.route("2").orElseThrow();
        assertThat(second.businessPhoneNumberId()).isEqualTo("100000000000002");
        assertThat(second.defaultLanguage()).isEqualTo("en");
        assertThat(second.optInPolicy()).isEqualTo(OptInPolicy.REQUIRE_OPT_IN);
        CompanyRoute other = routing.route("7").orElseThrow();
        assertThat(other.businessPhoneNumberId()).isEqualTo("100000000000001");
        assertThat(other.timeZone()).isEqualTo(DAKAR);
        assertThat(other.optInPolicy()).isEqualTo(OptInPolicy.UNLESS_OPTED_OUT);
        assertThat(routing.route(null)).isPresent();
        assertThat(routing.businessNumbers()).containsExactly("100000000000001", "100000000000002");
    }

    @Test
    void withoutADefaultNumberAnUnlistedCompanyGetsNothing() {
        BusinessNumberRouting routing = new BusinessNumberRouting(Map.of(
                "1", new Company("100000000000001", null, null, null),
                "3", new Company("", null, null, null)), new Company(null, DAKAR, "fr", null));
        assertThat(routing.route("1")).isPresent();
        assertThat(routing.route("3")).isEmpty();
        assertThat(routing.route("9")).isEmpty();
        assertThat(routing.route(null)).isEmpty();
    }
}
