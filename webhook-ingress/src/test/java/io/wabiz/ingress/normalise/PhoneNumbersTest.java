package io.wabiz.ingress.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void showsOnlyTheLastThreeDigitsOfANumber() {
        assertThat(PhoneNumbers.mask("221770000001")).isEqualTo("*********001");
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("*****");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("null");
    }

    @Test
    void masksNumbersQuotedInsideAText() {
        assertThat(PhoneNumbers.maskDigitsIn("Unrecognized token '221770000001x': was expecting 42"))
                .isEqualTo("Unrecognized token '*********001x': was expecting 42");
    }
}
