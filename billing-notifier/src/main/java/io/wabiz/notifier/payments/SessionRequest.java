package io.wabiz.notifier.payments;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * A checkout session to open.
 *
 * @param merchantReference our id of this attempt, unique, at most 30 characters (Orange's {@code order_id}), also
 *                          Wave's {@code client_reference}
 * @param amount            in currency units, with no more decimals than the currency has (XOF: none)
 * @param successUrl        where the customer's browser goes after paying
 * @param errorUrl          where it goes when the payment fails or is cancelled
 * @param notifyUrl         where the provider posts its callback (providers that take it per request)
 * @param language          the customer's language ({@code fr}, {@code en})
 * @param label             what the customer sees the payment is for ({@code Facture INV/2026/00412})
 */
public record SessionRequest(String merchantReference, BigDecimal amount, String currency, URI successUrl,
                             URI errorUrl, URI notifyUrl, String language, String label) {

    public static final int MAX_REFERENCE_LENGTH = 30;

    public SessionRequest {
        if (merchantReference == null || merchantReference.isBlank()
                || merchantReference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException("merchant reference must have 1 to " + MAX_REFERENCE_LENGTH
                    + " characters: " + merchantReference);
        }
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a checkout amount must be positive: " + amount);
        }
        int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > Math.max(decimals, 0)) {
            throw new IllegalArgumentException(amount + " " + currency + " has more decimals than the currency ("
                    + decimals + ")");
        }
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(errorUrl, "errorUrl");
    }

    /** The amount as a plain string without exponent or superfluous zeros: {@code 15000}, {@code 12.5}. */
    public String plainAmount() {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
