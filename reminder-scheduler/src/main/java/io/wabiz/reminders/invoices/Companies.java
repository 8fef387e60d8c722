package io.wabiz.reminders.invoices;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The ERP companies the scheduler has seen invoices of ({@code companies} collection): the daily run goes over
 * them and the configured ones. Invoices without a company run under {@value #NO_COMPANY}.
 */
public class Companies {

    public static final String COLLECTION = "companies";
    /** The run key of invoices the ERP sent without a company. */
    public static final String NO_COMPANY = "none";

    private final MongoCollection<Document> companies;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public Companies(MongoCollection<Document> companies) {
        this.companies = companies;
    }

    /** The run key of an ERP company id. */
    public static String key(String companyId) {
        return companyId == null || companyId.isBlank() ? NO_COMPANY : companyId;
    }

    /** Records a company once per process (an upsert the first time it is seen). */
    void seen(String companyId) {
        String key = key(companyId);
        if (known.add(key)) {
            companies.updateOne(eq("_id", key), Updates.setOnInsert("firstSeenWith", companyId),
                    new UpdateOptions().upsert(true));
        }
    }

    public List<String> all() {
        List<String> keys = new ArrayList<>();
        companies.find().forEach(d -> keys.add(d.getString("_id")));
        return keys;
    }
}
