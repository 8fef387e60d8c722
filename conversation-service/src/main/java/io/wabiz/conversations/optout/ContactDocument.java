package io.wabiz.conversations.optout;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a customer (by WhatsApp id) agreed to receive.
 *
 * @param optedOut         no non-essential message (staff sends, bulk sends) reaches this customer
 * @param optOutSource     who decided: KEYWORD (the customer wrote STOP or START), ADMIN
 * @param marketingOptOut  Meta refused a marketing message with error 131050: marketing templates are skipped
 */
@Document(ContactDocument.COLLECTION)
public record ContactDocument(@Id String id, boolean optedOut, String optOutSource, Instant optOutChangedAt,
                              String optOutChangedBy, boolean marketingOptOut, Instant marketingOptOutAt) {

    public static final String COLLECTION = "contacts";

    public static ContactDocument unknown(String waId) {
        return new ContactDocument(waId, false, null, null, null, false, null);
    }
}
