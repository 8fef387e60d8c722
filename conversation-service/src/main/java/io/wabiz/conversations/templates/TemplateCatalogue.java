package io.wabiz.conversations.templates;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.TemplateFit;
import io.wabiz.events.outbound.TemplateSynced;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** This service's projection of the compacted {@code whatsapp.templates} topic. */
public class TemplateCatalogue {

    private final MongoTemplate mongo;

    public TemplateCatalogue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the template unless a newer sync is already known. */
    public void upsert(TemplateSynced event) {
        if (event.name() == null || event.language() == null) {
            throw new IllegalArgumentException("template record has no name or language");
        }
        Update update = new Update().set("wabaId", event.wabaId()).set("templateId", event.templateId())
                .set("name", event.name()).set("language", event.language()).set("category", event.category())
                .set("status", event.status()).set("rejectedReason", event.rejectedReason())
                .set("components", event.components()).set("syncedAt", event.occurredAt());
        String key = event.key();
        if (event.occurredAt() == null) { // no time to order by: the latest record wins
            mongo.upsert(query(where("_id").is(key)), update, TemplateDocument.class);
            return;
        }
        Criteria olderOrSame = where("_id").is(key).orOperator(where("syncedAt").exists(false),
                where("syncedAt").lte(event.occurredAt()));
        if (mongo.updateFirst(query(olderOrSame), update, TemplateDocument.class).getMatchedCount() > 0) {
            return;
        }
        try {
            mongo.upsert(query(where("_id").is(key).and("syncedAt").exists(false)), update, TemplateDocument.class);
        } catch (DuplicateKeyException newerKnown) {
            // a newer sync of this template is already kept
        }
    }

    /** A tombstone on the compacted topic: the template is gone. */
    public void remove(String key) {
        mongo.remove(query(where("_id").is(key)), TemplateDocument.class);
    }

    public Optional<TemplateDocument> find(String name, String language) {
        return Optional.ofNullable(mongo.findById(TemplateSynced.keyOf(name, language), TemplateDocument.class));
    }

    /**
     * What Meta would refuse in a template send, against the synced template.
     *
     * @param misfit null when the template is not synced at all
     * @param status the template's state as last synced (null when unknown)
     */
    public record TemplateProblem(TemplateFit.Misfit misfit, String status, String explanation) {
    }

    /** Why this template send would be refused: unknown, not APPROVED, other parameters; empty when it fits. */
    public Optional<TemplateProblem> problemWith(OutboundContent.Template send) {
        Optional<TemplateDocument> synced = find(send.name(), send.language());
        if (synced.isEmpty()) {
            return Optional.of(new TemplateProblem(null, null, "no template " + send.name() + " in language "
                    + send.language() + " is synced from Meta"));
        }
        TemplateDocument template = synced.get();
        return TemplateFit.of(template.id(), template.status(), template.rejectedReason(), template.components(), send)
                .map(misfit -> new TemplateProblem(misfit, template.status(), misfit.explanation()));
    }

    /** Whether the synced template is a marketing one (an unknown template is not). */
    public boolean isMarketing(String name, String language) {
        return find(name, language).map(TemplateDocument::marketing).orElse(false);
    }

    public List<TemplateDocument> list(String name, String language, String status, String category) {
        Query query = new Query();
        if (name != null) {
            query.addCriteria(where("name").is(name));
        }
        if (language != null) {
            query.addCriteria(where("language").is(language));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status.toUpperCase(java.util.Locale.ROOT)));
        }
        if (category != null) {
            query.addCriteria(where("category").is(category.toUpperCase(java.util.Locale.ROOT)));
        }
        return mongo.find(query.with(Sort.by("name", "language")), TemplateDocument.class);
    }
}
