package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskingTest {

    @Test
    void keepsCountryPrefixAndLastTwoDigitsOnly() {
        assertThat(PhoneMasking.mask("221771234567")).isEqualTo("221*******67");
        assertThat(PhoneMasking.mask("+221 77 123 45 67")).isEqualTo("221*******67");
    }

    @Test
    void masksShortAndMissingValuesEntirely() {
        assertThat(PhoneMasking.mask("12345")).isEqualTo("*****");
        assertThat(PhoneMasking.mask(null)).isEqualTo("<none>");
    }

    @Test
    void masksOnlyTheCustomerPartOfAConversationKey() {
        assertThat(PhoneMasking.maskConversationKey("100000000000001:221771234567"))
                .isEqualTo("100000000000001:221*******67");
    }

    @Test
    void masksNumbersQuotedInsideAText() {
        assertThat(PhoneMasking.maskDigitRunsIn("Unrecognized token '221770000001x': was expecting 42"))
                .isEqualTo("Unrecognized token '221*******01x': was expecting 42");
        assertThat(PhoneMasking.maskDigitRunsIn(null)).isNull();
    }
}
