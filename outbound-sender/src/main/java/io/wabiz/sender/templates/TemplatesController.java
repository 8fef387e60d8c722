package io.wabiz.sender.templates;

import io.wabiz.events.outbound.TemplateSynced;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sync on demand, and what is known. */
@RestController
class TemplatesController {

    private final TemplateScheduler scheduler;
    private final TemplateCatalog catalog;

    TemplatesController(TemplateScheduler scheduler, TemplateCatalog catalog) {
        this.scheduler = scheduler;
        this.catalog = catalog;
    }

    @PostMapping("/templates/sync")
    List<TemplateScheduler.SyncReport> sync() {
        return scheduler.syncAll();
    }

    @GetMapping("/templates")
    List<TemplateSynced> templates() {
        return scheduler.wabaIds().stream().flatMap(waba -> catalog.all(waba).stream()).toList();
    }
}
