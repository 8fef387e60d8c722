package io.wabiz.events.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatePlaceholdersTest {

    @Test
    void aPlaceholderUsedTwiceIsOneParameterAsMetaCountsIt() {
        assertThat(TemplatePlaceholders.count("Bonjour {{1}}, votre facture {{2}} : {{1}}, merci.")).isEqualTo(2);
        assertThat(TemplatePlaceholders.names("{{2}} puis {{1}} puis {{2}}")).containsExactly("2", "1");
    }

    @Test
    void namedPlaceholdersCountLikePositionalOnes() {
        assertThat(TemplatePlaceholders.count("Hello {{first_name}}, order {{order_id}} for {{first_name}}"))
                .isEqualTo(2);
        assertThat(TemplatePlaceholders.count("Hi {{ 1 }} and {{1}}")).isEqualTo(1);
    }

    @Test
    void aTextWithoutPlaceholdersOrNoTextTakesNone() {
        assertThat(TemplatePlaceholders.count("Merci de votre confiance.")).isZero();
        assertThat(TemplatePlaceholders.count("{ {1} } {{}}")).isZero();
        assertThat(TemplatePlaceholders.count(null)).isZero();
    }

    @Test
    void templateSyncedCountsTheDistinctParametersOfEachComponentType() {
        TemplateSynced template = new TemplateSynced("t1", Instant.parse("2026-11-24T09:00:00Z"), "waba", "1",
                "reminder", "fr", "UTILITY", "APPROVED", null, List.of(
                        new TemplateSynced.Component("HEADER", "TEXT", "Facture {{1}}", List.of()),
                        new TemplateSynced.Component("BODY", null, "{{1}}, la facture {{2}} de {{1}} est due.", List.of()),
                        new TemplateSynced.Component("FOOTER", null, "wabiz", List.of())));

        assertThat(template.parameterCount("body")).isEqualTo(2);
        assertThat(template.parameterCount("HEADER")).isEqualTo(1);
        assertThat(template.parameterCount("footer")).isZero();
    }
}
