package io.wabiz.scenarioengine.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTemplateTest {

    @Test
    void rendersNamedPlaceholdersAndBraces() {
        TextTemplate template = TextTemplate.parse("Commande {orderNumber} : {{ok}}", Placeholder.Scope.ORDER);
        assertThat(template.render(Map.of(Placeholder.ORDER_NUMBER, "S00042"))).isEqualTo("Commande S00042 : {ok}");
    }

    @Test
    void refusesUnknownPlaceholdersAndOnesTheTextCannotUse() {
        assertThatThrownBy(() -> TextTemplate.parse("Bonjour {user.getClass()}", Placeholder.Scope.GENERAL))
                .hasMessageContaining("unknown placeholder");
        assertThatThrownBy(() -> TextTemplate.parse("Facture {invoiceNumber}", Placeholder.Scope.ORDER))
                .hasMessageContaining("not available here");
        assertThatThrownBy(() -> TextTemplate.parse("Bonjour {customerName", Placeholder.Scope.GENERAL))
                .hasMessageContaining("unclosed");
    }

    @Test
    void cutsValuesToThePlaceholdersLongestSoSavedLimitsHoldAtRunTime() {
        TextTemplate template = TextTemplate.parse("{customerName}", Placeholder.Scope.GENERAL);
        String rendered = template.render(Map.of(Placeholder.CUSTOMER_NAME, "A".repeat(200)));
        assertThat(rendered.codePointCount(0, rendered.length())).isEqualTo(Placeholder.CUSTOMER_NAME.maxLength());
        assertThat(template.longest()).hasSize(Placeholder.CUSTOMER_NAME.maxLength());
    }

    @Test
    void keywordsIgnoreAccentsCaseAndPunctuation() {
        assertThat(Normalized.keyword("  FACTURÉS ! ")).isEqualTo("factures");
        assertThat(Normalized.keyword("Aïde?")).isEqualTo("aide");
    }

    @Test
    void amountsUseTheCurrencysOwnDecimalsAndTheLanguagesGrouping() {
        Wording wording = new Wording(List.of("fr", "en"), "fr", ZoneId.of("Africa/Dakar"));
        assertThat(wording.money(new BigDecimal("125000"), "XOF", "fr")).isEqualTo("125\u202F000\u00A0F\u202FCFA");
        assertThat(wording.money(new BigDecimal("125000"), "XOF", "en")).contains("125,000");
        assertThat(wording.money(new BigDecimal("12.5"), "EUR", "fr")).contains("12,50");
        assertThat(wording.date(LocalDate.parse("2026-11-12"), "fr")).isEqualTo("12 nov. 2026");
        assertThat(wording.language("en_GB")).isEqualTo("en");
        assertThat(wording.language("wo_SN")).isEqualTo("fr");
    }
}
