package io.wabiz.events.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads phone numbers as people type them (ERP fields, staff input) and gives the one form WhatsApp
 * uses: E.164, and the {@code wa_id} (E.164 digits without the plus). {@code +221 77 123 45 67},
 * {@code 00221771234567}, {@code 221771234567} and, with Senegal as the default country, {@code 77 123 45 67}
 * are the same customer. Text with anything but digits, spaces, {@code + - . ( ) /} is not a phone number
 * ({@code 221770000001; DROP} is refused, not read as its digits).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final java.util.regex.Pattern TYPED_FORM = java.util.regex.Pattern.compile("[+0-9 ().\\-/]+");

    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
    }

    /** The E.164 form ({@code +221771234567}), or empty when the text is not a valid phone number. */
    public Optional<String> toE164(String typed) {
        return toE164(typed, null);
    }

    /** As {@link #toE164(String)}, reading national numbers in {@code region} when given (the partner's country). */
    public Optional<String> toE164(String typed, String region) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (!TYPED_FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        String candidate;
        if (text.startsWith("+")) {
            candidate = "+" + digits;
        } else if (digits.startsWith("00")) {
            candidate = "+" + digits.substring(2); // international call prefix used in Europe and Africa
        } else {
            candidate = null;
        }
        if (candidate != null) {
            return valid(candidate, "ZZ");
        }
        String readIn = region == null || region.isBlank() ? defaultRegion : region.toUpperCase(Locale.ROOT);
        Optional<String> national = valid(digits, readIn);
        if (national.isPresent()) {
            return national;
        }
        return valid("+" + digits, "ZZ"); // an international number typed without its plus, such as a wa_id
    }

    /** The WhatsApp id of a typed number: its E.164 digits without the plus. */
    public Optional<String> toWaId(String typed) {
        return toE164(typed).map(PhoneNumbers::waIdOf);
    }

    public Optional<String> toWaId(String typed, String region) {
        return toE164(typed, region).map(PhoneNumbers::waIdOf);
    }

    /**
     * The country (ISO 3166 code, such as {@code SN}) of a WhatsApp id or E.164 number, by its country calling
     * code and number plan; empty when it is not a valid number. Meta's rates are per country.
     */
    public static Optional<String> countryOf(String waIdOrE164) {
        if (waIdOrE164 == null || waIdOrE164.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber parsed = UTIL.parse("+" + waIdOf(waIdOrE164.strip()), "ZZ");
            String region = UTIL.getRegionCodeForNumber(parsed);
            return region == null || "ZZ".equals(region) ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static String waIdOf(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    private static Optional<String> valid(String number, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(number, region);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
