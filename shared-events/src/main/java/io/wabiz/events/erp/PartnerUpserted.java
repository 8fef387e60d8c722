package io.wabiz.events.erp;

import io.wabiz.events.Immutables;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.List;

/**
 * A customer (ERP partner) was created or changed.
 *
 * @param phoneNumbers as typed in the ERP, the mobile first, then the phone: consumers normalise them and
 *                     take the first valid one
 * @param language     the partner's language, such as {@code fr_FR}, for templates
 * @param countryCode  ISO 3166 alpha-2, to read national phone numbers
 * @param companyId    the ERP company the partner belongs to; null when the partner is shared by all companies
 */
public record PartnerUpserted(String id, Instant occurredAt, String partnerId, String name, String companyName,
                              List<String> phoneNumbers, String email, String language, String countryCode,
                              OptInState whatsappOptIn, boolean active, String companyId) implements TopicRecord {

    public PartnerUpserted {
        phoneNumbers = Immutables.list(phoneNumbers);
        whatsappOptIn = whatsappOptIn == null ? OptInState.UNKNOWN : whatsappOptIn;
    }

    /** The form before the company was added. */
    public PartnerUpserted(String id, Instant occurredAt, String partnerId, String name, String companyName,
                           List<String> phoneNumbers, String email, String language, String countryCode,
                           OptInState whatsappOptIn, boolean active) {
        this(id, occurredAt, partnerId, name, companyName, phoneNumbers, email, language, countryCode, whatsappOptIn,
                active, null);
    }

    @Override
    public String key() {
        return partnerId;
    }
}
