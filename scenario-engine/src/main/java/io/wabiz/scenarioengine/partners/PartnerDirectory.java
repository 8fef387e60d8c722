package io.wabiz.scenarioengine.partners;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The engine's small projection of ERP partners (collection {@code partners}): which partners a WhatsApp number
 * belongs to (their orders and invoices are that customer's) and the language to answer in. Numbers are read
 * with the partner's country by the platform's one phone helper.
 */
public class PartnerDirectory {

    private final MongoCollection<Document> partners;
    private final PhoneNumbers phoneNumbers;

    public PartnerDirectory(MongoDatabase database, PhoneNumbers phoneNumbers) {
        this.partners = database.getCollection("partners");
        this.phoneNumbers = phoneNumbers;
        partners.createIndex(Indexes.ascending("waIds"));
    }

    /** Stores the latest state of each partner of the poll; an older event than the stored one changes nothing. */
    public int apply(List<PartnerUpserted> events) {
        Map<String, PartnerUpserted> latest = new LinkedHashMap<>();
        for (PartnerUpserted event : events) {
            latest.merge(event.partnerId(), event, (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? a : b);
        }
        Map<String, Date> stored = new LinkedHashMap<>();
        partners.find(Filters.in("_id", latest.keySet())).projection(new Document("eventAt", 1))
                .forEach(d -> stored.put(d.getString("_id"), d.getDate("eventAt")));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (PartnerUpserted event : latest.values()) {
            Date at = stored.get(event.partnerId());
            if (at != null && at.toInstant().isAfter(event.occurredAt())) {
                continue;
            }
            Set<String> waIds = new LinkedHashSet<>();
            event.phoneNumbers().forEach(typed -> phoneNumbers.toWaId(typed, event.countryCode()).ifPresent(waIds::add));
            Document document = new Document("_id", event.partnerId()).append("name", event.name())
                    .append("language", event.language()).append("waIds", List.copyOf(waIds))
                    .append("active", event.active()).append("companyId", event.companyId())
                    .append("eventAt", Date.from(event.occurredAt()));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", event.partnerId()), document,
                    new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            partners.bulkWrite(writes);
        }
        return writes.size();
    }

    /** The active partners reachable on each of these WhatsApp ids. */
    public Map<String, List<PartnerView>> byWaIds(Collection<String> waIds) {
        Map<String, List<PartnerView>> found = new LinkedHashMap<>();
        if (waIds.isEmpty()) {
            return found;
        }
        partners.find(Filters.and(Filters.in("waIds", waIds.stream().distinct().toList()), Filters.eq("active", true)))
                .forEach(d -> {
                    PartnerView partner = new PartnerView(d.getString("_id"), d.getString("name"),
                            d.getString("language"), d.getList("waIds", String.class), true, d.getString("companyId"));
                    partner.waIds().stream().filter(waIds::contains)
                            .forEach(waId -> found.computeIfAbsent(waId, w -> new ArrayList<>()).add(partner));
                });
        return found;
    }
}
