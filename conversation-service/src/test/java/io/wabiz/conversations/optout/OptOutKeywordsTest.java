package io.wabiz.conversations.optout;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.conversations.optout.OptOutKeywords.Intent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {

    private final OptOutKeywords keywords = new OptOutKeywords(List.of("STOP", "ARRET", "ARRÊT", "DESABONNER"),
            List.of("START"));

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "Stop!", "  stop  ", "ARRET", "arrêt", "Arrêt.", "ARRÊT", "désabonner",
            "DESABONNER", "Désabonner"})
    void stopKeywordsInAnyCaseWithOrWithoutAccentsOptOut(String text) {
        assertThat(keywords.intentOf(text)).contains(Intent.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", "Start !"})
    void startKeywordsOptBackIn(String text) {
        assertThat(keywords.intentOf(text)).contains(Intent.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"don't stop", "stop sending me invoices please", "STOPPER", "bonjour", "", "arrêtez"})
    void sentencesThatMerelyContainAKeywordDoNotOptOut(String text) {
        assertThat(keywords.intentOf(text)).isEmpty();
    }
}
