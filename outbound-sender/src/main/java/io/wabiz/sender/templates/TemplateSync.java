package io.wabiz.sender.templates;

import io.wabiz.events.outbound.TemplateSynced;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.sender.accounts.Account;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.RecordPublisher;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads a WABA's templates from Meta (every page), keeps them in the catalogue and publishes each on
 * the compacted templates topic; applies template status webhooks in between.
 */
public class TemplateSync {

    public static final String STATUS_FIELD = "message_template_status_update";
    private static final Logger log = LoggerFactory.getLogger(TemplateSync.class);

    private final GraphApiClient graph;
    private final TemplateCatalog catalog;
    private final RecordPublisher publisher;
    private final Clock clock;

    public TemplateSync(GraphApiClient graph, TemplateCatalog catalog, RecordPublisher publisher, Clock clock) {
        this.graph = graph;
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Syncs one WABA; returns what was synced, or throws with Meta's reason. */
    public List<TemplateSynced> sync(Account account) {
        List<TemplateSynced> templates = new ArrayList<>();
        GraphResult page = graph.get(account, account.wabaId() + "/message_templates",
                Map.of("fields", "id,name,language,status,category,rejected_reason,components", "limit", "100"));
        while (true) {
            JsonNode body = switch (page) {
                case GraphResult.Ok ok -> ok.body();
                case GraphResult.Failed failed -> throw new TemplateSyncFailed("Meta refused the template list of WABA "
                        + account.wabaId() + ": " + failed.error().code() + " " + failed.error().message());
                case GraphResult.Unanswered none -> throw new TemplateSyncFailed("no answer from Meta for the template "
                        + "list of WABA " + account.wabaId() + ": " + none.reason());
            };
            body.path("data").forEach(node -> templates.add(toEvent(account.wabaId(), node)));
            String next = body.path("paging").path("next").asString(null);
            if (next == null || next.isBlank()) {
                break;
            }
            page = graph.getAbsolute(account, URI.create(next));
        }
        catalog.replaceAll(account.wabaId(), templates);
        templates.forEach(publisher::publish);
        log.info("Synced {} templates of WABA {}", templates.size(), account.wabaId());
        return templates;
    }

    /**
     * Applies a template status webhook. Returns false when the template is unknown here (the caller
     * then syncs the WABA).
     */
    public boolean apply(AccountNoticeReceived notice) {
        if (!STATUS_FIELD.equals(notice.field()) || notice.template() == null || notice.event() == null) {
            return true;
        }
        var ref = notice.template();
        return catalog.find(notice.wabaId(), ref.name(), ref.language()).map(known -> {
            TemplateSynced updated = new TemplateSynced(UUID.randomUUID().toString(), clock.instant(),
                    known.wabaId(), known.templateId(), known.name(), known.language(), known.category(),
                    notice.event(), notice.reason(), known.components());
            catalog.put(updated);
            publisher.publish(updated);
            log.info("Template {} of WABA {} is now {}", updated.key(), updated.wabaId(), updated.status());
            return true;
        }).orElse(false);
    }

    private TemplateSynced toEvent(String wabaId, JsonNode node) {
        List<TemplateSynced.Component> components = new ArrayList<>();
        node.path("components").forEach(c -> {
            List<TemplateSynced.Button> buttons = new ArrayList<>();
            c.path("buttons").forEach(b -> buttons.add(new TemplateSynced.Button(b.path("type").asString(null),
                    b.path("text").asString(null), b.path("url").asString(null),
                    b.path("phone_number").asString(null))));
            components.add(new TemplateSynced.Component(c.path("type").asString(null),
                    c.path("format").asString(null), c.path("text").asString(null), buttons));
        });
        String rejectedReason = node.path("rejected_reason").asString(null);
        return new TemplateSynced(UUID.randomUUID().toString(), clock.instant(), wabaId,
                node.path("id").asString(null), node.path("name").asString(null),
                node.path("language").asString(null), node.path("category").asString(null),
                node.path("status").asString(null), "NONE".equals(rejectedReason) ? null : rejectedReason,
                components);
    }

    public static class TemplateSyncFailed extends RuntimeException {
        public TemplateSyncFailed(String message) {
            super(message);
        }
    }
}
