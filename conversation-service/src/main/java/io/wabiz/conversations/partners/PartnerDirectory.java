package io.wabiz.conversations.partners;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/** The ERP partners as this service knows them, found by id, by WhatsApp id or by name. */
public class PartnerDirectory {

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
        List<String> waIds = phones.stream().map(PhoneNumbers::waIdOf).toList();
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
