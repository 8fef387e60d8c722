package io.wabiz.notification.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    @Test
    void xofHasNoDecimalsAndFrenchGrouping() {
        String text = MoneyFormat.format(new BigDecimal("125000"), "XOF", Locale.FRENCH);
        // CLDR: narrow no-break space for grouping, no-break space before the symbol
        assertThat(text.replace('\u202F', ' ').replace('\u00A0', ' ')).isEqualTo("125 000 F CFA");
        assertThat(MoneyFormat.format(new BigDecimal("125000.60"), "XOF", Locale.FRENCH)
                .replaceAll("[\\u00A0\\u202F]", " ")).isEqualTo("125 001 F CFA");
    }

    @Test
    void euroInEnglishHasTwoDecimals() {
        assertThat(MoneyFormat.format(new BigDecimal("1234.5"), "EUR", Locale.ENGLISH)).isEqualTo("€1,234.50");
    }

    @Test
    void euroInFrenchPutsTheSymbolAfter() {
        assertThat(MoneyFormat.format(new BigDecimal("1234.5"), "EUR", Locale.FRENCH).replaceAll("[\\u00A0\\u202F]", " "))
                .isEqualTo("1 234,50 €");
    }

    @Test
    void wolofFormatsWithoutFailing() {
        assertThat(MoneyFormat.format(new BigDecimal("2500"), "XOF", Locale.of("wo"))).contains("2").contains("500");
    }

    @Test
    void amount1000FollowsTheCurrencyDecimals() {
        assertThat(MoneyFormat.amount1000(new BigDecimal("125000"), "XOF")).isEqualTo(125_000_000L);
        assertThat(MoneyFormat.amount1000(new BigDecimal("12.345"), "EUR")).isEqualTo(12_350L);
        assertThat(MoneyFormat.decimals("XOF")).isZero();
        assertThat(MoneyFormat.decimals("TND")).isEqualTo(3);
    }

    @Test
    void refusesWhatIsNotACurrency() {
        assertThatThrownBy(() -> MoneyFormat.format(BigDecimal.ONE, "ZZZ", Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MoneyFormat.format(BigDecimal.ONE, null, Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
