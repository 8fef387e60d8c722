package io.wabiz.notifier.partners;

import io.wabiz.events.erp.OptInState;
import io.wabiz.notification.partners.PartnerContact;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The notifier's copy of an ERP partner (see {@link PartnerContact}), keyed by the ERP partner id.
 *
 * @param revision incremented by every write, whichever instance makes it: what the in-memory copies of the
 *                 partner are checked against (null for documents written before it existed: never kept in memory)
 */
@Document(PartnerDocument.COLLECTION)
public record PartnerDocument(@Id String id, String name, String companyName, List<String> phones,
                              List<String> invalidPhones, String language, String countryCode, OptInState optIn,
                              boolean active, String companyId, Instant updatedAt, Long revision) {

    public static final String COLLECTION = "partners";
    static final String REVISION = "revision";

    static PartnerDocument of(PartnerContact contact, long revision) {
        return new PartnerDocument(contact.partnerId(), contact.name(), contact.companyName(), contact.phones(),
                contact.invalidPhones(), contact.language(), contact.countryCode(), contact.optIn(), contact.active(),
                contact.companyId(), contact.updatedAt(), revision);
    }

    public PartnerContact toContact() {
        return new PartnerContact(id, name, companyName, phones, invalidPhones, language, countryCode, optIn, active,
                companyId, updatedAt);
    }
}
