package io.wabiz.console.send;

import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.ConversationsApi.BulkBody;
import io.wabiz.console.api.ConversationsApi.BulkPreview;
import io.wabiz.console.api.ConversationsApi.BulkReport;
import io.wabiz.console.api.ConversationsApi.SendAccepted;
import io.wabiz.console.api.ConversationsApi.SendBody;
import io.wabiz.console.api.ConversationsApi.Template;
import io.wabiz.console.templates.TemplateForms;
import io.wabiz.events.outbound.OutboundContent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Send a message" to one number or partner, and "Send to partners" (admin): the bulk wizard first shows who
 * will not be reached and why, and sends only when confirmed, under one batch key (a second click sends nothing
 * more). Content is a text (with an optional template for customers whose window is closed) or a template.
 */
@Controller
public class SendController {

    private final ConversationsApi api;
    private final MessageSource messages;

    public SendController(ConversationsApi api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/send")
    public String sendForm(@RequestParam Map<String, String> typed, Model model) {
        model.addAttribute("form", form(typed, null));
        return "send";
    }

    @PostMapping("/send")
    public String send(@RequestParam Map<String, String> typed, Model model) {
        Form form = form(typed, null);
        String to = typed.getOrDefault("to", "").strip();
        String partnerId = typed.getOrDefault("partnerId", "").strip();
        if (to.isEmpty() == partnerId.isEmpty()) {
            return invalid(form, "send.error.recipient", model, "send");
        }
        Content content;
        try {
            content = content(form);
        } catch (IllegalArgumentException e) {
            return invalid(form, e.getMessage(), model, "send");
        }
        SendAccepted accepted = api.send(new SendBody(to.isEmpty() ? null : to, partnerId.isEmpty() ? null : partnerId,
                null, content.content(), content.fallback()), form.key());
        model.addAttribute("accepted", accepted);
        model.addAttribute("form", form(Map.of(), null));
        return "send";
    }

    @GetMapping("/send/bulk")
    public String bulkForm(@RequestParam Map<String, String> typed, Model model) {
        model.addAttribute("form", form(typed, null));
        return "bulk";
    }

    /** Step 2 of the wizard: who would be reached and who not, nothing sent yet. */
    @PostMapping("/send/bulk/preview")
    public String bulkPreview(@RequestParam Map<String, String> typed, Model model) {
        Form form = form(typed, null);
        List<String> partnerIds = partnerIds(typed.getOrDefault("partnerIds", ""));
        if (partnerIds.isEmpty()) {
            return invalid(form, "bulk.error.partners", model, "bulk");
        }
        Content content;
        try {
            content = content(form);
        } catch (IllegalArgumentException e) {
            return invalid(form, e.getMessage(), model, "bulk");
        }
        BulkPreview preview = api.bulkPreview(new BulkBody(partnerIds, null, content.content(), content.fallback()));
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("hidden", hidden(typed));
        return "bulk";
    }

    /** Step 3: send, and the report of what was sent and who was not reached. */
    @PostMapping("/send/bulk")
    public String bulkSend(@RequestParam Map<String, String> typed, Model model) {
        Form form = form(typed, null);
        List<String> partnerIds = partnerIds(typed.getOrDefault("partnerIds", ""));
        Content content = content(form);
        BulkReport report = api.bulkSend(new BulkBody(partnerIds, null, content.content(), content.fallback()),
                form.key());
        model.addAttribute("form", form(Map.of(), null));
        model.addAttribute("report", report);
        return "bulk";
    }

    static List<String> partnerIds(String typed) {
        return Arrays.stream(typed.split("[\\s,;]+")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    }

    private Content content(Form form) {
        Template template = TemplateForms.find(form.templates(), form.templateKey()).orElse(null);
        if ("template".equals(form.mode())) {
            if (template == null) {
                throw new IllegalArgumentException("composer.error.template");
            }
            return new Content(build(template, form.typed()), null);
        }
        if (form.text().isBlank()) {
            throw new IllegalArgumentException("composer.error.empty");
        }
        OutboundContent.Text text;
        try {
            text = new OutboundContent.Text(form.text().strip(), false);
        } catch (IllegalArgumentException tooLong) {
            throw new IllegalArgumentException(tooLong.getMessage());
        }
        return new Content(text, template == null ? null : build(template, form.typed()));
    }

    private static OutboundContent.Template build(Template template, Map<String, String> typed) {
        try {
            return TemplateForms.build(template, typed);
        } catch (IllegalArgumentException missing) {
            throw new IllegalArgumentException("composer.error.parameters");
        }
    }

    private String invalid(Form form, String error, Model model, String view) {
        model.addAttribute("form", new Form(form.typed(), form.mode(), form.text(), form.templateKey(), form.templates(),
                form.template(), form.key(), messages.getMessage(error, null, error, LocaleContextHolder.getLocale())));
        return view;
    }

    private Form form(Map<String, String> typed, String error) {
        List<Template> templates = api.templates(Map.of("status", "APPROVED"));
        String templateKey = typed.get("template");
        String mode = "template".equals(typed.get("mode")) ? "template" : "text";
        var template = TemplateForms.find(templates, templateKey).map(t -> TemplateForms.form(t, null, typed)).orElse(null);
        String key = typed.getOrDefault("key", "");
        return new Form(Map.copyOf(typed), mode, typed.getOrDefault("text", ""), templateKey, templates, template,
                key.isBlank() ? UUID.randomUUID().toString() : key, error);
    }

    /** What step 3 needs again, carried by the preview's confirmation form. */
    private static Map<String, String> hidden(Map<String, String> typed) {
        Map<String, String> hidden = new LinkedHashMap<>(typed);
        hidden.remove("_csrf");
        return hidden;
    }

    private record Content(OutboundContent content, OutboundContent.Template fallback) {
    }

    /**
     * @param mode     text (with an optional template when the window is closed) or template
     * @param key      the idempotency key of this form's send
     */
    public record Form(Map<String, String> typed, String mode, String text, String templateKey, List<Template> templates,
                       TemplateForms.TemplateForm template, String key, String error) {
    }
}
