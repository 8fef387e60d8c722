package io.wabiz.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void choosesTheLanguageFromTheErpCode() {
        assertThat(Languages.resolve("fr_FR", "en")).isEqualTo(Locale.FRENCH);
        assertThat(Languages.resolve("en-US", "fr")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve("wo_SN", "fr")).isEqualTo(Languages.WOLOF);
        assertThat(Languages.resolve("es_ES", "en")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve(null, null)).isEqualTo(Locale.FRENCH);
    }

    @Test
    void commonTextsExistInEveryLanguageAndPluralise() {
        MessageBundles bundles = MessageBundles.load("messages/common");
        assertThat(bundles.keysWithoutFallback()).isEmpty();
        assertThat(bundles.missingKeys(Locale.ENGLISH)).isEmpty();
        assertThat(bundles.missingKeys(Languages.WOLOF)).isEmpty();
        Messages fr = bundles.forLocale(Locale.FRENCH);
        assertThat(fr.text("common.lines", Map.of("count", 1))).isEqualTo("1 ligne");
        assertThat(fr.text("common.lines", Map.of("count", 3))).isEqualTo("3 lignes");
        assertThat(bundles.forLocale(Locale.ENGLISH).text("common.lines", Map.of("count", 1))).isEqualTo("1 line");
        assertThat(bundles.forLocale(Locale.GERMAN).locale()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void pluralTextsFormattedOnManyThreadsAtOnceAreEachRight() throws Exception {
        Messages fr = MessageBundles.load("messages/common").forLocale(Locale.FRENCH);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var texts = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 2_000; i++) {
                int count = i % 5;
                texts.add(threads.submit(() -> count + "=" + fr.text("common.lines", Map.of("count", count))));
            }
            for (var text : texts) {
                String[] countAndText = text.get().split("=", 2);
                int count = Integer.parseInt(countAndText[0]);
                assertThat(countAndText[1]).isEqualTo(count + (count > 1 ? " lignes" : " ligne"));
            }
        }
    }

    @Test
    void datesAreWrittenInTheCompanysZone() {
        Instant lateEvening = Instant.parse("2026-03-03T23:30:00Z");
        assertThat(DocumentDates.format(lateEvening, ZoneId.of("Africa/Dakar"), Locale.FRENCH)).isEqualTo("3 mars 2026");
        assertThat(DocumentDates.format(lateEvening, ZoneId.of("Europe/Paris"), Locale.FRENCH)).isEqualTo("4 mars 2026");
        assertThat(DocumentDates.format(LocalDate.of(2026, 3, 3), Locale.ENGLISH)).isEqualTo("Mar 3, 2026");
    }

    @Test
    void fitsTextAtAWordWithinTheLimit() {
        String text = "Bonjour Awa, votre commande S00042 est prête";
        assertThat(TextFit.fit(text, 100)).isSameAs(text);
        String cut = TextFit.fit(text, 20);
        assertThat(cut).isEqualTo("Bonjour Awa, votre…");
        assertThat(TextFit.length(cut)).isLessThanOrEqualTo(20);
        assertThat(TextFit.fit("Supercalifragilistic", 10)).isEqualTo("Supercali…");
        assertThat(TextFit.length(TextFit.fit("😀😀😀😀😀😀", 4))).isEqualTo(4);
    }

    @Test
    void templateParametersAreOneLineAndNeverEmpty() {
        assertThat(TextFit.templateParameter("Diop\nSARL\t  Dakar      centre", 60)).isEqualTo("Diop SARL   Dakar   centre");
        assertThat(TextFit.templateParameter("  ", 60)).isEqualTo("-");
    }
}
