package io.wabiz.reminders.partners;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notification.keys.DocumentVersions;
import io.wabiz.notification.keys.DocumentVersions.Stamp;
import io.wabiz.notification.partners.PartnerContact;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The scheduler's own copy of the ERP partners ({@code partners} collection), read once from {@code erp.partners}
 * with the platform's phone-number rules ({@link PartnerContact#from}); an older event never overwrites a newer one.
 */
public class PartnerProjection {

    public static final String COLLECTION = "partners";

    private static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> partners;
    private final PhoneNumbers phoneNumbers;

    public PartnerProjection(MongoCollection<Document> partners, PhoneNumbers phoneNumbers) {
        this.partners = partners;
        this.phoneNumbers = phoneNumbers;
    }

    /** Returns whether the event changed the projection. */
    public boolean upsert(PartnerUpserted event) {
        PartnerContact contact = PartnerContact.from(event, phoneNumbers);
        Document fields = write(contact);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = partners.find(eq("_id", contact.partnerId())).first();
            if (current == null) {
                try {
                    partners.insertOne(new Document(fields).append("_id", contact.partnerId()));
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            Instant stored = instant(current.getDate("updatedAt"));
            if (!DocumentVersions.isNewer(new Stamp(contact.updatedAt(), null), new Stamp(stored, null))) {
                return false;
            }
            if (partners.replaceOne(and(eq("_id", contact.partnerId()), eq("updatedAt", current.getDate("updatedAt"))),
                    new Document(fields).append("_id", contact.partnerId())).getMatchedCount() == 1) {
                return true;
            }
        }
        throw new IllegalStateException("partner " + contact.partnerId() + " kept changing");
    }

    public Optional<PartnerContact> byId(String partnerId) {
        return partnerId == null ? Optional.empty()
                : Optional.ofNullable(partners.find(eq("_id", partnerId)).first()).map(PartnerProjection::read);
    }

    public Map<String, PartnerContact> byIds(Collection<String> partnerIds) {
        Map<String, PartnerContact> found = new HashMap<>();
        if (!partnerIds.isEmpty()) {
            partners.find(in("_id", partnerIds)).forEach(d -> found.put(d.getString("_id"), read(d)));
        }
        return found;
    }

    private static Document write(PartnerContact contact) {
        return new Document("name", contact.name()).append("companyName", contact.companyName())
                .append("phones", contact.phones()).append("invalidPhones", contact.invalidPhones())
                .append("language", contact.language()).append("countryCode", contact.countryCode())
                .append("optIn", contact.optIn().name()).append("active", contact.active())
                .append("companyId", contact.companyId())
                .append("updatedAt", contact.updatedAt() == null ? null : Date.from(contact.updatedAt()));
    }

    private static PartnerContact read(Document d) {
        return new PartnerContact(d.getString("_id"), d.getString("name"), d.getString("companyName"),
                d.getList("phones", String.class), d.getList("invalidPhones", String.class), d.getString("language"),
                d.getString("countryCode"), OptInState.valueOf(d.getString("optIn")),
                Boolean.TRUE.equals(d.getBoolean("active")), d.getString("companyId"),
                instant(d.getDate("updatedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
