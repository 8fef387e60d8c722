package io.wabiz.events.erp;

import io.wabiz.events.Immutables;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.List;

/**
 * A customer (ERP partner) was created or changed.
 *
 * @param phoneNumbers as typed in the ERP (phone, mobile): consumers normalise them
 * @param language     the partner's language, such as {@code fr_FR}, for templates
 * @param countryCode  ISO 3166 alpha-2, to read national phone numbers
 */
public record PartnerUpserted(String id, Instant occurredAt, String partnerId, String name, String companyName,
                              List<String> phoneNumbers, String email, String language, String countryCode,
                              OptInState whatsappOptIn, boolean active) implements TopicRecord {

    public PartnerUpserted {
        phoneNumbers = Immutables.list(phoneNumbers);
        whatsappOptIn = whatsappOptIn == null ? OptInState.UNKNOWN : whatsappOptIn;
    }

    @Override
    public String key() {
        return partnerId;
    }
}
