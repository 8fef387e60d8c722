package io.wabiz.conversations.optout;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells whether a customer's text asks to stop or to resume non-essential messages. The whole
 * message must be the keyword ("Stop!", " arrêt " count; "don't stop" does not), in any case, with or
 * without accents.
 */
public final class OptOutKeywords {

    public enum Intent { STOP, START }

    private final Set<String> stop;
    private final Set<String> start;

    public OptOutKeywords(Collection<String> stopKeywords, Collection<String> startKeywords) {
        this.stop = normalised(stopKeywords);
        this.start = normalised(startKeywords);
    }

    public Optional<Intent> intentOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = normalise(text);
        if (stop.contains(word)) {
            return Optional.of(Intent.STOP);
        }
        if (start.contains(word)) {
            return Optional.of(Intent.START);
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalised(Collection<String> keywords) {
        return keywords == null ? Set.of()
                : keywords.stream().map(OptOutKeywords::normalise).filter(k -> !k.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }
}
