package io.wabiz.console.conversation;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.ConversationsApi.Conversation;
import io.wabiz.console.api.ConversationsApi.Message;
import io.wabiz.console.api.ConversationsApi.ReplyBody;
import io.wabiz.console.api.ConversationsApi.SendBody;
import io.wabiz.console.api.ConversationsApi.Template;
import io.wabiz.console.conversation.Bubbles.Bubble;
import io.wabiz.console.templates.TemplateForms;
import io.wabiz.console.templates.TemplateForms.TemplateForm;
import io.wabiz.console.web.Formats;
import io.wabiz.console.web.HandOffNotice;
import io.wabiz.console.web.Htmx;
import io.wabiz.console.web.Versions;
import io.wabiz.events.outbound.OutboundContent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One conversation: its thread (refreshing itself), and the composer — free text while the 24-hour window is
 * open (optionally quoting a customer's message), the approved templates with their parameters when it is not.
 * Every send carries an idempotency key made when the composer was drawn, so a double click sends once.
 */
@Controller
public class ConversationController {

    private final ConversationsApi api;
    private final ConsoleProperties properties;
    private final Formats formats;
    private final MessageSource messages;

    public ConversationController(ConversationsApi api, ConsoleProperties properties, Formats formats,
                                  MessageSource messages) {
        this.api = api;
        this.properties = properties;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/conversations/{id}")
    public String page(@PathVariable String id, @RequestParam(required = false) String replyTo,
                       @RequestParam(required = false) String template, Model model) {
        Conversation conversation = api.conversation(id);
        Thread thread = thread(conversation);
        model.addAttribute("conversation", header(conversation));
        model.addAttribute("thread", thread);
        model.addAttribute("composer", composer(conversation, thread, replyTo, template, Map.of(), null, null));
        return "conversation";
    }

    /** The thread alone, for the page's polling: 204 when unchanged; the composer too when the window changed. */
    @GetMapping("/conversations/{id}/thread")
    public Object thread(@PathVariable String id, @RequestParam(required = false) String v,
                         @RequestParam(required = false) Boolean w, Model model) {
        Conversation conversation = api.conversation(id);
        Thread thread = thread(conversation);
        if (thread.version().equals(v)) {
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        }
        model.addAttribute("conversation", header(conversation));
        model.addAttribute("thread", thread);
        if (w != null && w != conversation.windowOpen()) {
            model.addAttribute("composerOob", true);
            model.addAttribute("composer", composer(conversation, thread, null, null, Map.of(), null, null));
        }
        return "conversation :: thread";
    }

    /** The composer for a quoted message or a chosen template (links and buttons of the page). */
    @GetMapping("/conversations/{id}/composer")
    public String composer(@PathVariable String id, @RequestParam(required = false) String replyTo,
                           @RequestParam(required = false) String template, @RequestParam Map<String, String> typed,
                           HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            String query = (replyTo != null ? "replyTo=" + replyTo : "") + (template != null ? "&template=" + template : "");
            return "redirect:/conversations/" + id + (query.isEmpty() ? "" : "?" + query) + "#composer";
        }
        Conversation conversation = api.conversation(id);
        model.addAttribute("composer", composer(conversation, null, replyTo, template, typed, null, null));
        return "conversation :: composer";
    }

    @PostMapping("/conversations/{id}/messages")
    public String sendText(@PathVariable String id, @RequestParam(defaultValue = "") String text,
                           @RequestParam(required = false) String replyTo, @RequestParam String key,
                           HttpServletRequest request, HttpServletResponse response, Model model) {
        Conversation conversation = api.conversation(id);
        String error = null;
        OutboundContent content = null;
        if (text.isBlank()) {
            error = message("composer.error.empty");
        } else {
            try {
                content = new OutboundContent.Text(text.strip(), false);
            } catch (IllegalArgumentException tooLong) {
                error = tooLong.getMessage();
            }
        }
        if (error != null) {
            return again(conversation, replyTo, null, Map.of("text", text), key, error, request, model);
        }
        if (replyTo != null && !replyTo.isBlank()) {
            api.reply(replyTo, new ReplyBody(content, null), key);
        } else {
            api.send(new SendBody("+" + conversation.customerWaId(), null, conversation.businessPhoneNumberId(),
                    content, null), key);
        }
        return sent(conversation, request, response, model);
    }

    @PostMapping("/conversations/{id}/template")
    public String sendTemplate(@PathVariable String id, @RequestParam String template, @RequestParam String key,
                               @RequestParam(required = false) String replyTo, @RequestParam Map<String, String> typed,
                               HttpServletRequest request, HttpServletResponse response, Model model) {
        Conversation conversation = api.conversation(id);
        List<Template> approved = approvedTemplates();
        Template chosen = TemplateForms.find(approved, template).orElse(null);
        if (chosen == null) {
            return again(conversation, replyTo, template, typed, key, message("composer.error.template"), request, model);
        }
        OutboundContent.Template content;
        try {
            content = TemplateForms.build(chosen, typed);
        } catch (IllegalArgumentException missing) {
            return again(conversation, replyTo, template, typed, key, message("composer.error.parameters"), request, model);
        }
        if (replyTo != null && !replyTo.isBlank()) {
            api.reply(replyTo, new ReplyBody(content, null), key);
        } else {
            api.send(new SendBody("+" + conversation.customerWaId(), null, conversation.businessPhoneNumberId(),
                    content, null), key);
        }
        return sent(conversation, request, response, model);
    }

    /** After a send: a fresh composer and a thread refresh (htmx), or the page again (no script). */
    private String sent(Conversation conversation, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/conversations/" + conversation.id();
        }
        response.setHeader("HX-Trigger", "thread-changed");
        model.addAttribute("composer", composer(conversation, null, null, null, Map.of(), null, null));
        return "conversation :: composer";
    }

    private String again(Conversation conversation, String replyTo, String template, Map<String, String> typed,
                         String key, String error, HttpServletRequest request, Model model) {
        Composer composer = composer(conversation, null, replyTo, template, typed, key, error);
        model.addAttribute("composer", composer);
        if (Htmx.isHtmx(request)) {
            return "conversation :: composer";
        }
        Thread thread = thread(conversation);
        model.addAttribute("conversation", header(conversation));
        model.addAttribute("thread", thread);
        return "conversation";
    }

    private Thread thread(Conversation conversation) {
        List<Message> latest = api.latestMessages(conversation.id(), properties.threadSize());
        if (conversation.unreadCount() > 0) {
            api.markRead(conversation.id()); // the person is looking at them
        }
        List<Bubble> bubbles = Bubbles.of(latest, formats);
        // the hand-off notice is part of the thread: it goes once staff answered, with the next refresh
        String version = Versions.of(conversation.windowOpen(), conversation.waitingForStaff(), bubbles.stream()
                .map(b -> b.id() + b.status() + (b.error() == null ? "" : b.error().code())).toList());
        return new Thread(bubbles, latest.size() >= properties.threadSize(), version);
    }

    private Header header(Conversation c) {
        return new Header(c.id(), c.displayName(), c.customerPhone(), c.customerProfileName(),
                c.partner() == null ? null : c.partner().id(), c.windowOpen(),
                c.windowOpen() ? formats.when(c.windowOpenUntil()) : null, formats.remaining(c.windowOpenUntil()),
                c.lastInboundAt() == null ? null : formats.when(c.lastInboundAt()), HandOffNotice.of(c, formats));
    }

    private Composer composer(Conversation conversation, Thread thread, String replyTo, String templateKey,
                              Map<String, String> typed, String key, String error) {
        String quote = null;
        if (replyTo != null && !replyTo.isBlank()) {
            quote = thread == null ? null : thread.bubbles().stream().filter(b -> replyTo.equals(b.wamid()))
                    .map(Bubble::text).findFirst().orElse(null);
            if (quote == null) {
                quote = quotedText(replyTo);
            }
        }
        boolean templateMode = !conversation.windowOpen() || (templateKey != null && !templateKey.isBlank());
        List<Template> templates = templateMode ? approvedTemplates() : List.of();
        TemplateForm form = TemplateForms.find(templates, templateKey)
                .map(t -> TemplateForms.form(t, conversation.knownName(), typed)).orElse(null);
        return new Composer(conversation.id(), conversation.windowOpen(), conversation.displayName(),
                conversation.windowOpen() ? formats.when(conversation.windowOpenUntil()) : null,
                replyTo == null || replyTo.isBlank() ? null : replyTo, quote, templateMode, templates, form,
                typed.getOrDefault("text", ""), key != null ? key : UUID.randomUUID().toString(), error);
    }

    private String quotedText(String wamid) {
        try {
            return api.message(wamid).text();
        } catch (RuntimeException gone) {
            return wamid;
        }
    }

    private List<Template> approvedTemplates() {
        return api.templates(Map.of("status", "APPROVED"));
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    /** @param complete false when older messages exist beyond what the page shows */
    public record Thread(List<Bubble> bubbles, boolean truncated, String version) {
    }

    /** @param handOff the customer asked for an advisor and no staff member wrote since; null when not */
    public record Header(String id, String name, String phone, String profileName, String partnerId,
                         boolean windowOpen, String windowUntil, String windowRemaining, String lastInbound,
                         HandOffNotice handOff) {
    }

    /**
     * @param templateMode the template picker is shown (the window is closed, or the person asked for it)
     * @param key          the idempotency key of the next send from this composer
     */
    public record Composer(String conversationId, boolean windowOpen, String customerName, String windowUntil,
                           String replyTo, String quote, boolean templateMode, List<Template> templates,
                           TemplateForm template, String text, String key, String error) {
    }
}
