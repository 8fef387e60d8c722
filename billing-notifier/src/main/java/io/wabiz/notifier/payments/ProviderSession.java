package io.wabiz.notifier.payments;

import java.math.BigDecimal;
import java.util.Map;

/** A session as we stored it when the provider created it: what a status check needs. */
public record ProviderSession(String merchantReference, String providerRef, BigDecimal amount, String currency,
                              Map<String, String> secrets) {

    public ProviderSession {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "ProviderSession[" + merchantReference + ", " + providerRef + ", " + amount + " " + currency + "]";
    }
}
