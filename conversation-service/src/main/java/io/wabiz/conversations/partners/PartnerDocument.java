package io.wabiz.conversations.partners;

import io.wabiz.events.erp.OptInState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The conversation service's own copy of an ERP partner, with its phone numbers normalised.
 *
 * @param phones    E.164 numbers, in the ERP's order (the first is the one to send to)
 * @param waIds     the same numbers as WhatsApp ids, to match conversations
 * @param invalidPhones what the ERP had that is not a phone number, kept to explain "no phone"
 * @param updatedAt when the ERP changed the partner: older events do not overwrite newer ones
 */
@Document(PartnerDocument.COLLECTION)
public record PartnerDocument(@Id String id, String name, String companyName, List<String> phones,
                              List<String> waIds, List<String> invalidPhones, String language, String countryCode,
                              OptInState whatsappOptIn, boolean active, Instant updatedAt) {

    public static final String COLLECTION = "partners";

    public Optional<String> primaryWaId() {
        return waIds == null || waIds.isEmpty() ? Optional.empty() : Optional.of(waIds.getFirst());
    }

    public String displayName() {
        return companyName == null || companyName.isBlank() || companyName.equals(name) ? name
                : name + " (" + companyName + ")";
    }
}
