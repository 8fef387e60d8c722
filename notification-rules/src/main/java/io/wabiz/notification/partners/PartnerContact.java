package io.wabiz.notification.partners;

import io.wabiz.events.Immutables;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a notifier keeps of an ERP partner to decide whether and where to send: the numbers read once, when the
 * partner arrives, with the partner's own country.
 *
 * @param phones        the valid numbers in E.164, in the ERP's order (mobile first, then phone): the first is the
 *                      one messages go to
 * @param invalidPhones what the ERP had that is not a valid number, kept to explain "no valid number"
 * @param language      the ERP's language code ({@code fr_FR}), as it came
 * @param companyId     the ERP company of the partner; null when shared by all companies
 * @param updatedAt     when the ERP changed the partner: an older event does not overwrite a newer one
 */
public record PartnerContact(String partnerId, String name, String companyName, List<String> phones,
                             List<String> invalidPhones, String language, String countryCode, OptInState optIn,
                             boolean active, String companyId, Instant updatedAt) {

    public PartnerContact {
        phones = Immutables.list(phones);
        invalidPhones = Immutables.list(invalidPhones);
        optIn = optIn == null ? OptInState.UNKNOWN : optIn;
    }

    /** Reads the partner's typed numbers with {@code phoneNumbers}, in the partner's country. */
    public static PartnerContact from(PartnerUpserted event, PhoneNumbers phoneNumbers) {
        if (event.partnerId() == null || event.partnerId().isBlank()) {
            throw new IllegalArgumentException("partner event has no partnerId");
        }
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String typed : event.phoneNumbers()) {
            if (typed == null || typed.isBlank()) {
                continue;
            }
            phoneNumbers.toE164(typed, event.countryCode()).ifPresentOrElse(e164 -> {
                if (!valid.contains(e164)) {
                    valid.add(e164);
                }
            }, () -> invalid.add(typed));
        }
        return new PartnerContact(event.partnerId(), event.name(), event.companyName(), valid, invalid,
                event.language(), event.countryCode(), event.whatsappOptIn(), event.active(), event.companyId(),
                event.occurredAt());
    }

    /** The WhatsApp id messages go to: the first valid number without its plus. */
    public Optional<String> waId() {
        return phones.isEmpty() ? Optional.empty() : Optional.of(PhoneNumbers.waIdOf(phones.getFirst()));
    }

    /** The name to greet: the person, or the company when the ERP has no person's name. */
    public String greetingName() {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        return companyName == null ? "" : companyName.strip();
    }
}
