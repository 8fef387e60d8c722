package io.wabiz.notifier.payments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured payment providers, in the order the customer sees them. */
public final class PaymentProviders {

    private final Map<String, PaymentLinkProvider> byId = new LinkedHashMap<>();

    public PaymentProviders(List<PaymentLinkProvider> providers) {
        for (PaymentLinkProvider provider : providers) {
            if (byId.putIfAbsent(provider.id(), provider) != null) {
                throw new IllegalArgumentException("two payment providers have the id " + provider.id());
            }
        }
    }

    public Optional<PaymentLinkProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The providers that can charge {@code currency}, in order. */
    public List<PaymentLinkProvider> forCurrency(String currency) {
        return byId.values().stream().filter(p -> p.currencies().contains(currency)).toList();
    }
}
