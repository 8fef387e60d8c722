package io.wabiz.odoo.sync;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far each model of each company has been read ({@code odoo_watermarks}): the largest {@code write_date} seen,
 * as Odoo wrote it (a server string, never the connector's clock).
 */
public final class Watermarks {

    /** @param id {@code <model>@res.company/<id>} */
    @Document("odoo_watermarks")
    public record Watermark(@Id String id, String model, long companyId, String writeDate, Instant updatedAt,
                            long records) {
    }

    private final MongoTemplate mongo;

    public Watermarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String key(SyncedModel model, long companyId) {
        return model.model() + "@res.company/" + companyId;
    }

    public Watermark find(SyncedModel model, long companyId) {
        return mongo.findById(key(model, companyId), Watermark.class);
    }

    public void save(SyncedModel model, long companyId, String writeDate, long records, Instant at) {
        mongo.save(new Watermark(key(model, companyId), model.model(), companyId, writeDate, at, records));
    }

    /** Forgets the watermark: the next poll reads everything again (events only for what changed). */
    public void reset(SyncedModel model, long companyId) {
        mongo.remove(find(model, companyId) == null ? new Watermark(key(model, companyId), model.model(), companyId,
                null, null, 0) : find(model, companyId));
    }

    public java.util.List<Watermark> all() {
        return mongo.findAll(Watermark.class);
    }
}
