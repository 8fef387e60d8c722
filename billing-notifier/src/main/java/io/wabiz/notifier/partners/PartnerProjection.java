package io.wabiz.notifier.partners;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notification.partners.PartnerContact;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The ERP partners as the notifier knows them, phone numbers read once with the partner's country. An older event
 * never overwrites a newer one (events of one partner may arrive out of order after a replay).
 */
public class PartnerProjection {

    private final MongoTemplate mongo;
    private final PhoneNumbers phoneNumbers;

    public PartnerProjection(MongoTemplate mongo, PhoneNumbers phoneNumbers) {
        this.mongo = mongo;
        this.phoneNumbers = phoneNumbers;
    }

    /** Keeps the partner unless a newer version is known; returns the contact when it changed the projection. */
    public Optional<PartnerContact> upsert(PartnerUpserted event) {
        PartnerContact contact = PartnerContact.from(event, phoneNumbers);
        PartnerDocument document = PartnerDocument.of(contact);
        Update update = new Update().set("name", document.name()).set("companyName", document.companyName())
                .set("phones", document.phones()).set("invalidPhones", document.invalidPhones())
                .set("language", document.language()).set("countryCode", document.countryCode())
                .set("optIn", document.optIn()).set("active", document.active())
                .set("companyId", document.companyId()).set("updatedAt", document.updatedAt());
        if (event.occurredAt() == null) { // nothing to order by: the latest record wins
            mongo.upsert(query(where("_id").is(contact.partnerId())), update, PartnerDocument.class);
            return Optional.of(contact);
        }
        Criteria olderOrSame = where("_id").is(contact.partnerId()).orOperator(
                where("updatedAt").exists(false), where("updatedAt").lte(event.occurredAt()));
        if (mongo.updateFirst(query(olderOrSame), update, PartnerDocument.class).getMatchedCount() > 0) {
            return Optional.of(contact);
        }
        try {
            mongo.insert(document);
            return Optional.of(contact);
        } catch (DuplicateKeyException newerKnown) {
            return Optional.empty();
        }
    }

    public Optional<PartnerContact> find(String partnerId) {
        return Optional.ofNullable(mongo.findById(partnerId, PartnerDocument.class)).map(PartnerDocument::toContact);
    }

    public Map<String, PartnerContact> findAll(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(partnerIds)), PartnerDocument.class).stream()
                .map(PartnerDocument::toContact)
                .collect(Collectors.toMap(PartnerContact::partnerId, Function.identity()));
    }
}
