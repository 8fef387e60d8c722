package io.wabiz.conversations.partners;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/** The ERP partners as this service knows them, found by id, by WhatsApp id or by name. */
public class PartnerDirectory {

    /** Old wa_id to new wa_id, from Meta's user_changed_number notes. */
    static final String NUMBER_CHANGES = "number_changes";

    private final MongoTemplate mongo;
    private final PhoneNumbers phoneNumbers;

    public PartnerDirectory(MongoTemplate mongo, PhoneNumbers phoneNumbers) {
        this.mongo = mongo;
        this.phoneNumbers = phoneNumbers;
    }

    /** Keeps the partner unless a newer version is already known; returns whether it changed anything. */
    public boolean upsert(PartnerUpserted event) {
        if (event.partnerId() == null || event.partnerId().isBlank()) {
            throw new IllegalArgumentException("partner event has no partnerId");
        }
        LinkedHashSet<String> phones = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String typed : event.phoneNumbers()) {
            phoneNumbers.toE164(typed, event.countryCode()).ifPresentOrElse(phones::add, () -> {
                if (typed != null && !typed.isBlank()) {
                    invalid.add(typed);
                }
            });
        }
        List<String> waIds = withNewNumbers(phones.stream().map(PhoneNumbers::waIdOf).toList());
        Update update = new Update().set("name", event.name()).set("companyName", event.companyName())
                .set("phones", List.copyOf(phones)).set("waIds", waIds).set("invalidPhones", invalid)
                .set("language", event.language()).set("countryCode", event.countryCode())
                .set("whatsappOptIn", event.whatsappOptIn()).set("active", event.active())
                .set("updatedAt", event.occurredAt());
        if (event.occurredAt() == null) { // no time to order by: the latest record wins
            mongo.upsert(query(where("_id").is(event.partnerId())), update, PartnerDocument.class);
            return true;
        }
        Criteria olderOrSame = where("_id").is(event.partnerId()).orOperator(
                where("updatedAt").exists(false), where("updatedAt").lt(event.occurredAt()));
        if (mongo.updateFirst(query(olderOrSame), update, PartnerDocument.class).getMatchedCount() > 0) {
            return true;
        }
        try {
            mongo.upsert(query(where("_id").is(event.partnerId()).and("updatedAt").exists(false)), update,
                    PartnerDocument.class);
            return true;
        } catch (DuplicateKeyException newerKnown) {
            return false; // the partner exists with a version at least as new
        }
    }

    /**
     * Meta says a customer's number changed (user_changed_number): the partners with the old number get the new
     * one first (the one to send to), and keep it when the ERP, still knowing the old number, updates them.
     */
    public void numberChanged(String oldWaId, String newWaId, Instant at) {
        mongo.getCollection(NUMBER_CHANGES).updateOne(Filters.eq("_id", oldWaId),
                Updates.combine(Updates.set("newWaId", newWaId), Updates.max("at", at == null ? null : Date.from(at))),
                new UpdateOptions().upsert(true));
        for (PartnerDocument partner : byWaIds(List.of(oldWaId))) {
            mongo.updateFirst(query(where("_id").is(partner.id())),
                    new Update().set("waIds", withNewNumbers(partner.waIds())), PartnerDocument.class);
        }
    }

    /** The wa_ids with, before each one that changed, the customer's new one. */
    private List<String> withNewNumbers(List<String> waIds) {
        if (waIds.isEmpty()) {
            return waIds;
        }
        Map<String, String> changes = new HashMap<>();
        for (org.bson.Document change : mongo.getCollection(NUMBER_CHANGES).find(Filters.in("_id", waIds))) {
            changes.put(change.getString("_id"), change.getString("newWaId"));
        }
        if (changes.isEmpty()) {
            return waIds;
        }
        LinkedHashSet<String> withNew = new LinkedHashSet<>();
        for (String waId : waIds) {
            if (changes.containsKey(waId)) {
                withNew.add(changes.get(waId));
            }
            withNew.add(waId);
        }
        return List.copyOf(withNew);
    }

    public Optional<PartnerDocument> byId(String partnerId) {
        return Optional.ofNullable(mongo.findById(partnerId, PartnerDocument.class));
    }

    public List<PartnerDocument> byIds(Collection<String> partnerIds) {
        return mongo.find(query(where("_id").in(partnerIds)), PartnerDocument.class);
    }

    public List<PartnerDocument> byWaIds(Collection<String> waIds) {
        return waIds.isEmpty() ? List.of() : mongo.find(query(where("waIds").in(waIds)), PartnerDocument.class);
    }

    /** Partners whose name or company contains {@code text}, case ignored. */
    public List<PartnerDocument> byName(String text) {
        Pattern contains = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE);
        return mongo.find(query(new Criteria().orOperator(where("name").regex(contains),
                where("companyName").regex(contains))), PartnerDocument.class);
    }
}
