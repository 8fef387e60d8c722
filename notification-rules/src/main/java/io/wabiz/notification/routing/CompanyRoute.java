package io.wabiz.notification.routing;

import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How one ERP company speaks to its customers.
 *
 * @param companyId             the ERP company, or null for documents without one
 * @param businessPhoneNumberId the WhatsApp business number that sends for it
 * @param timeZone              dates in messages are shown in this zone
 * @param defaultLanguage       the language of partners whose ERP language is missing or not supported
 * @param optInPolicy           whether partners must have opted in explicitly
 */
public record CompanyRoute(String companyId, String businessPhoneNumberId, ZoneId timeZone, String defaultLanguage,
                           OptInPolicy optInPolicy) {

    public CompanyRoute {
        Objects.requireNonNull(businessPhoneNumberId, "businessPhoneNumberId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        optInPolicy = optInPolicy == null ? OptInPolicy.UNLESS_OPTED_OUT : optInPolicy;
    }
}
