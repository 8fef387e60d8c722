package io.wabiz.sender;

/** Phone numbers and ids as they may appear in logs: enough to tell them apart, not to dial them. */
public final class Masking {

    private Masking() {
    }

    public static String phone(String number) {
        if (number == null) {
            return "null";
        }
        if (number.length() <= 5) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }
}
