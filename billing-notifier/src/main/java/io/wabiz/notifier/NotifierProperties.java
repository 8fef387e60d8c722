package io.wabiz.notifier;

import io.wabiz.events.erp.NotificationKind;
import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import io.wabiz.platform.security.StaffSecuritySettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the billing notifier can be told, under {@code notifier.*}.
 *
 * @param defaultCountry               ISO 3166 alpha-2 region to read partners' national numbers when the partner
 *                                     has no country
 * @param defaultBusinessPhoneNumberId the number that speaks for companies not listed (none: they get nothing)
 * @param defaultTimeZone              dates in messages, for companies without their own zone
 * @param defaultLanguage              the language of partners whose ERP language is missing or not supported
 * @param optInPolicy                  whether partners must have opted in explicitly (default: unless opted out)
 * @param flows                        which notifications are on, for every company (all on by default); a
 *                                     company's own {@code flows} override these per kind
 * @param companies                    per ERP company id: its business number, zone, language, opt-in, flows
 * @param templates                    the fallback templates by purpose and language
 * @param orders                       the sales-order flows' own settings
 * @param partnerWait                  how long a notification whose partner the ERP has not published yet waits
 *                                     for it; past that, a late partner does not trigger an old message
 * @param partnerCacheSize             how many partners the flows keep in memory at most (checked against the
 *                                     stored revision on every read; 0: none)
 * @param publishTimeout               how long a listener waits for Kafka to acknowledge what it published
 * @param listenerConcurrency          consumer threads per consumed topic
 * @param paging                       page sizes of the read API
 * @param security                     bearer tokens of the read API (platform-security)
 */
@ConfigurationProperties("notifier")
public record NotifierProperties(@DefaultValue("SN") String defaultCountry,
                                 String defaultBusinessPhoneNumberId,
                                 @DefaultValue("Africa/Dakar") ZoneId defaultTimeZone,
                                 @DefaultValue("fr") String defaultLanguage,
                                 @DefaultValue("UNLESS_OPTED_OUT") OptInPolicy optInPolicy,
                                 Map<NotificationKind, Boolean> flows,
                                 Map<String, Company> companies,
                                 @DefaultValue Templates templates,
                                 @DefaultValue Orders orders,
                                 @DefaultValue("15m") Duration partnerWait,
                                 @DefaultValue("10000") int partnerCacheSize,
                                 @DefaultValue("10s") Duration publishTimeout,
                                 @DefaultValue("3") int listenerConcurrency,
                                 @DefaultValue Paging paging,
                                 @DefaultValue StaffSecuritySettings security) {

    public NotifierProperties {
        flows = flows == null || flows.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(flows));
        companies = companies == null ? Map.of() : Map.copyOf(companies);
    }

    /** Whether notifications of {@code kind} are on for {@code companyId} (null: documents without a company). */
    public boolean flowEnabled(String companyId, NotificationKind kind) {
        Company company = companyId == null ? null : companies.get(companyId);
        if (company != null && company.flows().containsKey(kind)) {
            return company.flows().get(kind);
        }
        return flows.getOrDefault(kind, true);
    }

    /**
     * One ERP company. Null fields take the defaults; {@code business-phone-number-id: ""} means "this company sends
     * nothing".
     */
    public record Company(String businessPhoneNumberId, ZoneId timeZone, String defaultLanguage,
                          OptInPolicy optInPolicy, Map<NotificationKind, Boolean> flows) {
        public Company {
            flows = flows == null || flows.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(flows));
        }
    }

    /**
     * @param names             template name per purpose ({@code order-created}, {@code order-confirmed},
     *                          {@code order-cancelled}, {@code order-details}, ...) and Meta language code
     * @param languageFallbacks the template language to use for a text language Meta has no template in
     *                          ({@code wo: fr})
     */
    public record Templates(@DefaultValue Map<String, Map<String, String>> names,
                            @DefaultValue Map<String, String> languageFallbacks) {
        public Templates {
            names = names == null ? Map.of() : Map.copyOf(names);
            languageFallbacks = languageFallbacks == null ? Map.of() : Map.copyOf(languageFallbacks);
        }
    }

    /**
     * @param confirmations       when a confirmed or cancelled order is told to the customer: {@code AFTER_TAP}
     *                            (only when the customer asked for it with a button, the default) or {@code ALWAYS}
     * @param detailsMaxLines     order lines shown in the details message at most; the rest is summed up
     */
    public record Orders(@DefaultValue("AFTER_TAP") Confirmations confirmations,
                         @DefaultValue("40") int detailsMaxLines) {
        public Orders {
            if (detailsMaxLines < 1) {
                throw new IllegalArgumentException("notifier.orders.details-max-lines must be at least 1");
            }
        }
    }

    public enum Confirmations { AFTER_TAP, ALWAYS }

    public record Paging(@DefaultValue("50") int defaultSize, @DefaultValue("200") int maxSize) {
    }

    /** Purposes of the order templates. */
    public static final List<String> ORDER_TEMPLATE_PURPOSES =
            List.of("order-created", "order-confirmed", "order-cancelled", "order-details");
}
