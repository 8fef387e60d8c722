package io.wabiz.reminders.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.reminders.RemindersProperties;
import io.wabiz.reminders.cadence.QuietHours;
import io.wabiz.reminders.invoices.Companies;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The companies' settings as an operator writes them, bound the way Spring binds them. */
class CompanyCadencesTest {

    private static RemindersProperties bind(Map<String, String> properties) {
        return new Binder(List.of(new MapConfigurationPropertySource(properties)), null,
                ApplicationConversionService.getSharedInstance()).bindOrCreate("reminders", RemindersProperties.class);
    }

    @Test
    void aCompanyTakesTheDefaultsForWhatItDoesNotSay() {
        CompanyCadences cadences = CompanyCadences.from(bind(Map.of(
                "reminders.default-business-phone-number-id", "100000000000001",
                "reminders.defaults.minimum-residual.XOF", "500",
                "reminders.companies[0].id", "res.company/2",
                "reminders.companies[0].business-phone-number-id", "100000000000002",
                "reminders.companies[0].zone", "Europe/Paris",
                "reminders.companies[0].levels[0].days", "7",
                "reminders.companies[0].levels[0].template", "invoice_reminder_overdue")));

        var paris = cadences.cadence("res.company/2");
        var other = cadences.cadence("res.company/77");

        assertThat(paris.calendar().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.calendar().runAt()).isEqualTo(LocalTime.of(8, 0));
        assertThat(paris.calendar().skipDays()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(paris.schedule().levels()).extracting(l -> l.days()).containsExactly(7);
        assertThat(paris.belowMinimum(new BigDecimal("499"), "XOF")).isTrue();
        assertThat(other.calendar().zone()).isEqualTo(ZoneId.of("Africa/Dakar"));
        assertThat(other.schedule().levels()).extracting(l -> l.days()).containsExactly(-3, 3, 10, 30);
        assertThat(other.calendar().quietHours()).isEqualTo(new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0)));
        assertThat(cadences.route("res.company/2").orElseThrow().businessPhoneNumberId()).isEqualTo("100000000000002");
        assertThat(cadences.route("res.company/77").orElseThrow().businessPhoneNumberId())
                .isEqualTo("100000000000001");
        assertThat(cadences.route(Companies.NO_COMPANY)).isPresent();
        assertThat(bind(Map.of()).templateLanguageFallbacks()).containsExactly(Map.entry("wo", "fr"));
        assertThat(cadences.companies(List.of("res.company/77"))).containsExactlyInAnyOrder("res.company/2",
                "res.company/77");
    }

    @Test
    void withoutADefaultNumberUnlistedCompaniesSendNothing() {
        CompanyCadences cadences = CompanyCadences.from(bind(Map.of("reminders.companies[0].id", "res.company/1",
                "reminders.companies[0].business-phone-number-id", "100000000000001")));

        assertThat(cadences.route("res.company/1")).isPresent();
        assertThat(cadences.route("res.company/2")).isEmpty();
    }

    @Test
    void quietHoursAreWrittenAsASpan() {
        assertThat(CompanyCadences.quietHours("21:30 - 07:00"))
                .isEqualTo(new QuietHours(LocalTime.of(21, 30), LocalTime.of(7, 0)));
        assertThat(CompanyCadences.quietHours("none")).isEqualTo(QuietHours.NONE);
        assertThatThrownBy(() -> CompanyCadences.quietHours("after dinner")).hasMessageContaining("HH:MM-HH:MM");
    }

    @Test
    void aCompanyListedTwiceIsRefused() {
        assertThatThrownBy(() -> CompanyCadences.from(bind(Map.of("reminders.companies[0].id", "res.company/1",
                "reminders.companies[1].id", "res.company/1")))).hasMessageContaining("listed twice");
    }
}
