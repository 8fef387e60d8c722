package io.wabiz.conversations.templates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Templates", description = "Message templates as last synced from Meta")
public class TemplateController {

    private final TemplateCatalogue catalogue;

    public TemplateController(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/templates")
    @Operation(summary = "List synced templates, optionally by name, language, status (APPROVED...) or category")
    public List<TemplateDocument> list(@RequestParam(required = false) String name,
                                       @RequestParam(required = false) String language,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String category) {
        return catalogue.list(name, language, status, category);
    }
}
