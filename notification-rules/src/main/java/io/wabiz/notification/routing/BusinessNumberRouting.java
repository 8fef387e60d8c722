package io.wabiz.notification.routing;

import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which business number speaks for a document: the number of the document's ERP company, else the default number.
 * A company configured without a number, or any company when there is no default, gets nothing sent (the caller
 * records {@link io.wabiz.notification.SkipReason#NO_BUSINESS_NUMBER}).
 */
public final class BusinessNumberRouting {

    private final Map<String, Company> companies;
    private final Company defaults;

    /**
     * @param companies per ERP company id; a company's null fields take the defaults' values, except that an
     *                  explicitly blank number means "this company sends nothing"
     * @param defaults  for documents of companies not listed (and without a company)
     */
    public BusinessNumberRouting(Map<String, Company> companies, Company defaults) {
        if (defaults == null || defaults.timeZone() == null || defaults.defaultLanguage() == null) {
            throw new IllegalArgumentException("routing defaults need a time zone and a language");
        }
        this.companies = Map.copyOf(new LinkedHashMap<>(companies == null ? Map.of() : companies));
        this.defaults = defaults;
    }

    /** One company's settings as configured; any field may be null (meaning "the default"). */
    public record Company(String businessPhoneNumberId, ZoneId timeZone, String defaultLanguage,
                          OptInPolicy optInPolicy) {
    }

    /** The route of {@code companyId} (null for documents without a company), empty when no number speaks for it. */
    public Optional<CompanyRoute> route(String companyId) {
        Company company = companyId == null ? null : companies.get(companyId);
        String number = company == null || company.businessPhoneNumberId() == null
                ? defaults.businessPhoneNumberId() : company.businessPhoneNumberId();
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CompanyRoute(companyId, number,
                pick(company == null ? null : company.timeZone(), defaults.timeZone()),
                pick(company == null ? null : company.defaultLanguage(), defaults.defaultLanguage()),
                pick(company == null ? null : company.optInPolicy(), defaults.optInPolicy())));
    }

    /** Every business number a company or the default may use. */
    public java.util.Set<String> businessNumbers() {
        java.util.Set<String> numbers = new java.util.TreeSet<>();
        if (defaults.businessPhoneNumberId() != null && !defaults.businessPhoneNumberId().isBlank()) {
            numbers.add(defaults.businessPhoneNumberId());
        }
        companies.values().stream().map(Company::businessPhoneNumberId)
                .filter(n -> n != null && !n.isBlank()).forEach(numbers::add);
        return numbers;
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
