package io.wabiz.notifier.invoices;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The invoice flows' settings, under {@code notifier.invoices.*} (the notifier's prefix): letterheads, public links,
 * the residual rule, and the payment providers. Secrets (signing key, API keys) come from the environment.
 *
 * @param publicBaseUrl   where customers reach the notifier's public links ({@code /pay}, {@code /documents})
 * @param signingKey      HMAC key of the links, at least 32 bytes (NOTIFIER_INVOICES_SIGNINGKEY)
 * @param previousSigningKeys keys that still verify during a rotation
 * @param documentLinkLifetime how long a {@code /documents} link works
 * @param payLinkLifetime how long a {@code /pay} link works at most (the invoice's state decides before that)
 * @param residual        when a partial payment is told to the customer
 * @param detailsMaxLines invoice lines in the details message at most
 * @param letterhead      the header of invoices of companies without their own
 * @param companies       per ERP company id: its letterhead
 * @param payments        the providers and how sessions are reused
 */
@ConfigurationProperties("notifier.invoices")
public record InvoicesProperties(@DefaultValue("http://localhost:8084") URI publicBaseUrl, String signingKey,
                                 List<String> previousSigningKeys,
                                 @DefaultValue("30d") Duration documentLinkLifetime,
                                 @DefaultValue("400d") Duration payLinkLifetime,
                                 @DefaultValue Residual residual,
                                 @DefaultValue("40") int detailsMaxLines,
                                 @DefaultValue Letterhead letterhead,
                                 Map<String, Letterhead> companies,
                                 @DefaultValue Payments payments) {

    public InvoicesProperties {
        previousSigningKeys = previousSigningKeys == null ? List.of() : List.copyOf(previousSigningKeys);
        companies = companies == null ? Map.of() : Map.copyOf(companies);
    }

    /**
     * @param minimumDrop   a drop of the residual by at most this much is not told (small adjustments)
     * @param thankWhenPaid whether a residual reaching zero gets a thank-you
     */
    public record Residual(@DefaultValue("0") BigDecimal minimumDrop, @DefaultValue("true") boolean thankWhenPaid) {
    }

    /** @param logo a file path or {@code classpath:} resource of a PNG or JPEG; none when empty */
    public record Letterhead(@DefaultValue("") String name, List<String> addressLines, List<String> taxIds,
                             String phone, String email, String logo) {
    }

    /**
     * @param order           provider ids in the order customers see them; only configured ones count
     * @param reuseMargin     an open session is reused only if it stays open at least this long
     * @param assumedLifetime the lifetime of sessions whose provider does not say
     */
    public record Payments(List<String> order, @DefaultValue("5m") Duration reuseMargin,
                           @DefaultValue("30m") Duration assumedLifetime, @DefaultValue("20s") Duration lease,
                           Wave wave, OrangeMoney orangeMoney) {
        public Payments {
            order = order == null || order.isEmpty() ? List.of("wave", "orange-money") : List.copyOf(order);
        }
    }

    /** Wave Checkout; off unless {@code api-key} is set. */
    public record Wave(@DefaultValue("wave") String id, @DefaultValue("Wave") String displayName,
                       @DefaultValue("https://api.wave.com") URI baseUrl, String apiKey,
                       @DefaultValue("SIGNING_SECRET") String webhookStrategy, String webhookSecret,
                       @DefaultValue("5m") Duration replayWindow, String aggregatedMerchantId,
                       @DefaultValue("XOF") Set<String> currencies, @DefaultValue("3s") Duration connectTimeout,
                       @DefaultValue("10s") Duration timeout) {
    }

    /** Orange Money Web Payment; off unless {@code client-id} is set. */
    public record OrangeMoney(@DefaultValue("orange-money") String id, @DefaultValue("Orange Money") String displayName,
                              @DefaultValue("https://api.orange.com") URI baseUrl, @DefaultValue("dev") String country,
                              String clientId, String clientSecret, String merchantKey,
                              @DefaultValue("OUV") String wireCurrency, @DefaultValue("XOF") Set<String> currencies,
                              String reference, @DefaultValue("2m") Duration tokenSkew,
                              @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration timeout) {
    }
}
