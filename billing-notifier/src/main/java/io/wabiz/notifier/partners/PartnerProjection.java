package io.wabiz.notifier.partners;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notification.partners.PartnerContact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The ERP partners as the notifier knows them, phone numbers read once with the partner's country. An older event
 * never overwrites a newer one (events of one partner may arrive out of order after a replay).
 *
 * <p>The flows read the partners of a whole poll at once ({@link #findAll}). The partners they read recently are
 * kept in memory (a bounded number, least recently used dropped) with the revision they were read at, and used
 * only while MongoDB still holds that revision: every read asks for the revisions (a light query), and fetches in
 * full only the partners it does not hold at that revision. A change written by any instance (an opt-out, a new
 * number) is seen by the next poll of every instance, as without the copies.
 */
public class PartnerProjection {

    private final MongoTemplate mongo;
    private final PhoneNumbers phoneNumbers;
    private final int keptAtMost;
    private final Map<String, Kept> recent;

    /** @param keptAtMost how many partners are kept in memory at most (0: none, every read is a full read) */
    public PartnerProjection(MongoTemplate mongo, PhoneNumbers phoneNumbers, int keptAtMost) {
        this.mongo = mongo;
        this.phoneNumbers = phoneNumbers;
        this.keptAtMost = keptAtMost;
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > keptAtMost;
            }
        });
    }

    /** A partner as read at a revision. */
    private record Kept(long revision, PartnerContact contact) {
    }

    /** Keeps the partner unless a newer version is known; returns the contact when it changed the projection. */
    public Optional<PartnerContact> upsert(PartnerUpserted event) {
        PartnerContact contact = PartnerContact.from(event, phoneNumbers);
        PartnerDocument document = PartnerDocument.of(contact, 1);
        Update update = new Update().set("name", document.name()).set("companyName", document.companyName())
                .set("phones", document.phones()).set("invalidPhones", document.invalidPhones())
                .set("language", document.language()).set("countryCode", document.countryCode())
                .set("optIn", document.optIn()).set("active", document.active())
                .set("companyId", document.companyId()).set("updatedAt", document.updatedAt())
                .inc(PartnerDocument.REVISION, 1);
        recent.remove(contact.partnerId()); // not needed to be right (the revision moves), it frees the memory
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

    /** The partner as stored now (the read API and single requests: no copy involved). */
    public Optional<PartnerContact> find(String partnerId) {
        return Optional.ofNullable(mongo.findById(partnerId, PartnerDocument.class)).map(PartnerDocument::toContact);
    }

    /** The stored partners among {@code partnerIds}, as MongoDB holds them now; unknown ones are absent. */
    public Map<String, PartnerContact> findAll(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        if (keptAtMost <= 0) {
            return read(partnerIds);
        }
        Map<String, PartnerContact> found = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (Document stored : mongo.getCollection(PartnerDocument.COLLECTION)
                .find(Filters.in("_id", List.copyOf(partnerIds))).projection(Projections.include(PartnerDocument.REVISION))) {
            String id = stored.getString("_id");
            Kept kept = recent.get(id);
            Object revision = stored.get(PartnerDocument.REVISION);
            if (kept != null && revision instanceof Number n && n.longValue() == kept.revision()) {
                found.put(id, kept.contact());
            } else {
                toRead.add(id);
            }
        }
        if (!toRead.isEmpty()) {
            found.putAll(read(toRead));
        }
        return found;
    }

    private Map<String, PartnerContact> read(Collection<String> partnerIds) {
        Map<String, PartnerContact> read = new HashMap<>();
        for (PartnerDocument document : mongo.find(query(where("_id").in(partnerIds)), PartnerDocument.class)) {
            PartnerContact contact = document.toContact();
            read.put(document.id(), contact);
            if (keptAtMost > 0 && document.revision() != null) {
                recent.put(document.id(), new Kept(document.revision(), contact));
            }
        }
        return read;
    }
}
