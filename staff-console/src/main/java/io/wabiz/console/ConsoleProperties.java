package io.wabiz.console;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff console's settings ({@code console.*}).
 *
 * @param services        where the services' APIs are; a service left out has its screens say so
 * @param refreshInterval how often open pages ask for what is new (at most 5 s: new messages must show quickly)
 * @param timeZone        the zone times are shown in
 * @param defaultCountry  how phone numbers typed without a country code are read
 * @param threadSize      how many of a conversation's latest messages its page shows (the API's page maximum)
 * @param costsMaxMessages how many messages the costs page reads at most for one period
 */
@ConfigurationProperties("console")
public record ConsoleProperties(Services services, @DefaultValue("1500ms") Duration refreshInterval,
                                @DefaultValue("Africa/Dakar") ZoneId timeZone, @DefaultValue("SN") String defaultCountry,
                                @DefaultValue("200") int threadSize, @DefaultValue("10000") int costsMaxMessages,
                                @DefaultValue Security security, @DefaultValue RateCard rateCard) {

    public ConsoleProperties {
        if (services == null || services.conversations() == null) {
            throw new IllegalArgumentException("console.services.conversations (conversation-service's URL) is required");
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero() || refreshInterval.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("console.refresh-interval must be between 0 and 5 s, was " + refreshInterval);
        }
        if (threadSize < 1 || threadSize > 200) {
            throw new IllegalArgumentException("console.thread-size must be 1 to 200 (the API's page size), was " + threadSize);
        }
    }

    /**
     * Base URLs of the services' HTTP APIs.
     *
     * @param conversations conversation-service (required)
     * @param sender        outbound-sender (templates sync, accounts); optional
     * @param notifier      billing-notifier; optional
     * @param scenarios     scenario-engine; optional
     * @param reminders     reminder-scheduler (its admin API: the reminders screen); optional
     */
    public record Services(URI conversations, URI sender, URI notifier, URI scenarios, URI reminders,
                           @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
    }

    /**
     * Who may sign in and how. With OIDC ({@code spring.security.oauth2.client.registration.*}) the roles come
     * from a claim of the ID token or user info; the static users are for the local stack and tests only.
     */
    public record Security(@DefaultValue List<StaticUser> staticUsers, @DefaultValue("roles") String rolesClaim,
                           @DefaultValue("preferred_username") String usernameClaim) {

        public Security {
            staticUsers = staticUsers == null ? List.of() : List.copyOf(staticUsers);
        }

        public Optional<StaticUser> staticUser(String username) {
            return staticUsers.stream().filter(u -> u.username().equals(username)).findFirst();
        }
    }

    /**
     * A local user: signs in with a user name and password, and the console calls the services with the
     * static bearer token that stands for the same user there.
     *
     * @param password with its encoder prefix ({@code {noop}...}, {@code {bcrypt}...})
     */
    public record StaticUser(String username, String password, String token, List<String> roles) {

        @Override
        public String toString() {
            return "StaticUser[username=" + username + ", roles=" + roles + "]"; // never the secrets
        }
    }

    /**
     * What Meta charges per delivered message, to estimate costs: per pricing category (marketing, utility,
     * authentication, service...) per customer country (ISO code), with {@code default} for other countries.
     */
    public record RateCard(@DefaultValue("USD") String currency,
                           @DefaultValue Map<String, Map<String, BigDecimal>> rates) {

        public RateCard {
            // keys are read case-insensitively: environment variables arrive lower-cased
            Map<String, Map<String, BigDecimal>> normalised = new java.util.HashMap<>();
            (rates == null ? Map.<String, Map<String, BigDecimal>>of() : rates).forEach((country, byCategory) -> {
                Map<String, BigDecimal> categories = new java.util.HashMap<>();
                byCategory.forEach((category, rate) -> categories.put(category.toLowerCase(Locale.ROOT), rate));
                normalised.put(country.toUpperCase(Locale.ROOT), Map.copyOf(categories));
            });
            rates = Map.copyOf(normalised);
        }

        /** The rate of one message, zero for categories Meta does not charge. */
        public BigDecimal rate(String country, String category) {
            if (category == null) {
                return BigDecimal.ZERO;
            }
            String key = category.toLowerCase(Locale.ROOT);
            Map<String, BigDecimal> forCountry = country == null ? null : rates.get(country.toUpperCase(Locale.ROOT));
            if (forCountry != null && forCountry.containsKey(key)) {
                return forCountry.get(key);
            }
            Map<String, BigDecimal> fallback = rates.getOrDefault("DEFAULT", Map.of());
            return fallback.getOrDefault(key, BigDecimal.ZERO);
        }
    }
}
