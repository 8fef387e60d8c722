package io.wabiz.sender.templates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wabiz.events.outbound.TemplateSynced;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sync on demand, and what is known. */
@RestController
@Tag(name = "templates", description = "the message templates synced from Meta")
class TemplatesController {

    private final TemplateScheduler scheduler;
    private final TemplateCatalog catalog;

    TemplatesController(TemplateScheduler scheduler, TemplateCatalog catalog) {
        this.scheduler = scheduler;
        this.catalog = catalog;
    }

    @Operation(summary = "Syncs every WABA's templates from Meta now; one report per WABA (its problem, if any)")
    @PostMapping("/templates/sync")
    List<TemplateScheduler.SyncReport> sync() {
        return scheduler.syncAll();
    }

    @Operation(summary = "The templates as last synced, every WABA")
    @GetMapping("/templates")
    List<TemplateSynced> templates() {
        return scheduler.wabaIds().stream().flatMap(waba -> catalog.all(waba).stream()).toList();
    }
}
