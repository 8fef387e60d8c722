package io.wabiz.events;

import java.util.regex.Pattern;

/** Phone numbers in logs: enough to tell customers apart, not enough to call them. The platform's one rule. */
public final class PhoneMasking {

    /** Six digits or more: a phone number, a wa_id, or any id long enough to be one. */
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\d{6,}");

    private PhoneMasking() {
    }

    /**
     * Keeps the country prefix (first 3 digits) and the last 2: {@code 221771234567} becomes
     * {@code 221*******67}. Short or missing values are masked entirely.
     */
    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return "<none>";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 5) + digits.substring(digits.length() - 2);
    }

    /**
     * Masks, by {@link #mask}, every run of six or more digits in a free text, such as a parser's message
     * quoting a webhook body: {@code token '221770000001x'} becomes {@code token '221*******01x'}.
     */
    public static String maskDigitRunsIn(String text) {
        return text == null ? null : DIGIT_RUNS.matcher(text).replaceAll(run -> mask(run.group()));
    }

    /** Masks the customer part of a conversation key ({@code phoneNumberId:waId}). */
    public static String maskConversationKey(String conversationKey) {
        int colon = conversationKey == null ? -1 : conversationKey.indexOf(':');
        return colon < 0 ? mask(conversationKey) : conversationKey.substring(0, colon + 1) + mask(conversationKey.substring(colon + 1));
    }
}
