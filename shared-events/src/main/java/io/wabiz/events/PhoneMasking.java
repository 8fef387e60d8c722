package io.wabiz.events;

/** Phone numbers in logs: enough to tell customers apart, not enough to call them. */
public final class PhoneMasking {

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

    /** Masks the customer part of a conversation key ({@code phoneNumberId:waId}). */
    public static String maskConversationKey(String conversationKey) {
        int colon = conversationKey == null ? -1 : conversationKey.indexOf(':');
        return colon < 0 ? mask(conversationKey) : conversationKey.substring(0, colon + 1) + mask(conversationKey.substring(colon + 1));
    }
}
