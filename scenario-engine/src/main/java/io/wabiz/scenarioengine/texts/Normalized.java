package io.wabiz.scenarioengine.texts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as keywords compare it: accents, case, punctuation and extra spaces ignored ({@code "Factures !"} = {@code factures}). */
public final class Normalized {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Normalized() {
    }

    public static String keyword(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }
}
