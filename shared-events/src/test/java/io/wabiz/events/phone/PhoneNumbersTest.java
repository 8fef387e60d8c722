package io.wabiz.events.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers senegal = new PhoneNumbers("SN");

    @ParameterizedTest
    @ValueSource(strings = {"+221 77 123 45 67", "00221771234567", "221771234567", "+221771234567",
            "77 123 45 67", "(+221) 77-123-45-67", " 0022177 123 4567 "})
    void readsEveryUsualFormOfOneSenegaleseMobileAsTheSameCustomer(String typed) {
        assertThat(senegal.toE164(typed)).contains("+221771234567");
        assertThat(senegal.toWaId(typed)).contains("221771234567");
    }

    @Test
    void readsNationalNumbersInThePartnersOwnCountryWhenGiven() {
        assertThat(senegal.toE164("06 12 34 56 78", "FR")).contains("+33612345678");
        assertThat(senegal.toE164("0612345678", "fr")).contains("+33612345678");
    }

    @Test
    void internationalNumbersOfOtherCountriesKeepTheirCountry() {
        assertThat(senegal.toE164("+33 6 12 34 56 78")).contains("+33612345678");
        assertThat(senegal.toE164("0033612345678")).contains("+33612345678");
        assertThat(senegal.toE164("33612345678")).contains("+33612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "n/a", "12", "+221 12", "not a phone"})
    void rejectsWhatIsNotAPhoneNumber(String typed) {
        assertThat(senegal.toE164(typed)).isEmpty();
    }

    @Test
    void nullIsNoPhoneNumber() {
        assertThat(senegal.toE164(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"221770000001; DROP", "+221 77 123 45 67 ext. 4", "tel:+221771234567", "77 123 45 67 x"})
    void refusesTextThatIsMoreThanAPhoneNumber(String typed) {
        assertThat(senegal.toE164(typed)).isEmpty();
    }

    @Test
    void tellsTheCountryOfAWhatsAppIdForRatesPerCountry() {
        assertThat(PhoneNumbers.countryOf("221771234567")).contains("SN");
        assertThat(PhoneNumbers.countryOf("+33612345678")).contains("FR");
        assertThat(PhoneNumbers.countryOf("2250701020304")).contains("CI");
        assertThat(PhoneNumbers.countryOf("12")).isEmpty();
        assertThat(PhoneNumbers.countryOf(null)).isEmpty();
    }
}
