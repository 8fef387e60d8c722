package io.wabiz.console.templates;

import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.ConversationsApi.Template;
import io.wabiz.console.api.SenderApi;
import io.wabiz.console.web.Formats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The synced templates with their status, category, language and parameters, and (admin) "sync now": the
 * sender reads every template from Meta and publishes them; the list follows within a moment.
 */
@Controller
public class TemplatesController {

    private final ConversationsApi api;
    private final ObjectProvider<SenderApi> sender;
    private final Formats formats;

    public TemplatesController(ConversationsApi api, ObjectProvider<SenderApi> sender, Formats formats) {
        this.api = api;
        this.sender = sender;
        this.formats = formats;
    }

    @GetMapping("/templates")
    public String list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                       @RequestParam(required = false) String language, @RequestParam(required = false) String name,
                       Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("category", category);
        filters.put("language", language);
        filters.put("name", name);
        List<Row> rows = api.templates(filters).stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("filters", filters);
        model.addAttribute("syncAvailable", sender.getIfAvailable() != null);
        return "templates";
    }

    @PostMapping("/templates/sync")
    public String sync(RedirectAttributes redirect) {
        SenderApi senderApi = sender.getIfAvailable();
        if (senderApi != null) {
            redirect.addFlashAttribute("syncReports", senderApi.syncTemplates());
        }
        return "redirect:/templates";
    }

    /** The parameter fields of the chosen template, for the pickers of the composer and the send forms. */
    @GetMapping("/templates/fields")
    public String fields(@RequestParam(required = false) String template, @RequestParam(required = false) String name,
                         @RequestParam Map<String, String> typed, Model model) {
        List<Template> approved = api.templates(Map.of("status", "APPROVED"));
        model.addAttribute("template", TemplateForms.find(approved, template)
                .map(t -> TemplateForms.form(t, name, typed)).orElse(null));
        return "fragments/template-fields :: fields";
    }

    private Row row(Template t) {
        return new Row(t.name(), t.language(), t.category(), t.status(), t.rejectedReason(),
                TemplateForms.parameterCount(t), TemplateForms.bodyText(t), formats.when(t.syncedAt()));
    }

    public record Row(String name, String language, String category, String status, String rejectedReason,
                      int parameters, String body, String syncedAt) {
    }
}
