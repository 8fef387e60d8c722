package io.wabiz.console.messages;

import io.wabiz.console.api.ApiPage;
import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.ConversationsApi.Message;
import io.wabiz.console.conversation.Bubbles;
import io.wabiz.console.conversation.Bubbles.Bubble;
import io.wabiz.console.web.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Odoo-style Messages list: every message across conversations, filtered by direction, type, status,
 * period (days in the company's zone) and partner or phone, newest first, paged. The filters go to the API
 * as they are, so the list is exactly what {@code GET /api/messages} answers for the same query.
 */
@Controller
public class MessagesController {

    static final List<String> TYPES = List.of("text", "template", "reply_buttons", "list", "cta_url", "document",
            "image", "button_reply", "list_reply", "quick_reply", "location", "audio", "video", "sticker", "contacts",
            "reaction");
    static final List<String> STATUSES = List.of("PENDING", "SENT", "DELIVERED", "READ", "FAILED");
    static final int PAGE_SIZE = 50;

    private final ConversationsApi api;
    private final Formats formats;

    public MessagesController(ConversationsApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/messages")
    public String list(@RequestParam(required = false) String direction, @RequestParam(required = false) String type,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) String partnerId,
                       @RequestParam(required = false) String contact, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        Filters filters = new Filters(blankToNull(direction), blankToNull(type), blankToNull(status), date(from),
                date(to), blankToNull(partnerId), blankToNull(contact));
        Map<String, String> query = apiQuery(filters, formats);
        query.put("page", Integer.toString(Math.max(page, 0)));
        query.put("size", Integer.toString(PAGE_SIZE));
        ApiPage<Message> found = api.messages(query);
        List<Bubble> rows = Bubbles.of(found.items(), formats);
        model.addAttribute("filters", filters);
        model.addAttribute("found", found);
        model.addAttribute("rows", rows);
        model.addAttribute("types", TYPES);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("previousUrl", pageUrl(filters, found.page() - 1));
        model.addAttribute("nextUrl", pageUrl(filters, found.page() + 1));
        return "messages";
    }

    /** The API's query for the filters: days become [start of from, start of the day after to) in the zone. */
    static Map<String, String> apiQuery(Filters filters, Formats formats) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("direction", filters.direction());
        query.put("type", filters.type());
        query.put("status", filters.status());
        if (filters.from() != null) {
            query.put("from", filters.from().atStartOfDay(formats.zone()).toInstant().toString());
        }
        if (filters.to() != null) {
            query.put("to", filters.to().plusDays(1).atStartOfDay(formats.zone()).toInstant().toString());
        }
        query.put("partnerId", filters.partnerId());
        query.put("contact", filters.contact());
        return query;
    }

    private static String pageUrl(Filters filters, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/messages");
        add(url, "direction", filters.direction());
        add(url, "type", filters.type());
        add(url, "status", filters.status());
        add(url, "from", filters.from());
        add(url, "to", filters.to());
        add(url, "partnerId", filters.partnerId());
        add(url, "contact", filters.contact());
        url.queryParam("page", page);
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, Object value) {
        if (value != null) {
            url.queryParam(name, value);
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public record Filters(String direction, String type, String status, LocalDate from, LocalDate to,
                          String partnerId, String contact) {
    }
}
