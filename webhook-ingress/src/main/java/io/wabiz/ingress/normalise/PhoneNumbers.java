package io.wabiz.ingress.normalise;

/** Phone numbers in logs show only their last digits: enough to tell two apart, not enough to call. */
public final class PhoneNumbers {

    private static final int VISIBLE = 3;

    private PhoneNumbers() {
    }

    public static String mask(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.isEmpty()) {
            return String.valueOf(phoneNumber);
        }
        int visible = phoneNumber.length() > 2 * VISIBLE ? VISIBLE : 0;
        return "*".repeat(phoneNumber.length() - visible) + phoneNumber.substring(phoneNumber.length() - visible);
    }
}
