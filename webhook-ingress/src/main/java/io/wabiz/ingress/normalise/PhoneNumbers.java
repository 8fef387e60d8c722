package io.wabiz.ingress.normalise;

/** Phone numbers in logs show only their last digits: enough to tell two apart, not enough to call. */
public final class PhoneNumbers {

    private static final int VISIBLE = 3;

    private PhoneNumbers() {
    }

    private static final java.util.regex.Pattern DIGIT_RUNS = java.util.regex.Pattern.compile("\\d{6,}");

    /** Masks every run of six or more digits in a free text (such as a parser's message quoting the body). */
    public static String maskDigitsIn(String text) {
        return text == null ? null : DIGIT_RUNS.matcher(text).replaceAll(run -> mask(run.group()));
    }

    public static String mask(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.isEmpty()) {
            return String.valueOf(phoneNumber);
        }
        int visible = phoneNumber.length() > 2 * VISIBLE ? VISIBLE : 0;
        return "*".repeat(phoneNumber.length() - visible) + phoneNumber.substring(phoneNumber.length() - visible);
    }
}
