package io.wabiz.console.inbox;

import io.wabiz.console.api.ApiPage;
import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.ConversationsApi.Conversation;
import io.wabiz.console.web.Formats;
import io.wabiz.console.web.HandOffNotice;
import io.wabiz.console.web.Versions;
import io.wabiz.events.phone.PhoneNumbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team inbox: conversations with the latest activity first, unread counts, the last message and whether
 * the 24-hour window is open. The list refreshes itself (htmx polling); unchanged lists are not re-sent.
 */
@Controller
public class InboxController {

    static final int PAGE_SIZE = 30;

    private final ConversationsApi conversations;
    private final PhoneNumbers phoneNumbers;
    private final Formats formats;

    public InboxController(ConversationsApi conversations, PhoneNumbers phoneNumbers, Formats formats) {
        this.conversations = conversations;
        this.phoneNumbers = phoneNumbers;
        this.formats = formats;
    }

    @GetMapping("/")
    public String inbox(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unread,
                        @RequestParam(defaultValue = "false") boolean waiting,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("inbox", load(q, unread, waiting, page));
        return "inbox";
    }

    /** The list alone, for the page's polling: 204 when it is what the page already shows. */
    @GetMapping("/inbox/list")
    public Object list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unread,
                       @RequestParam(defaultValue = "false") boolean waiting,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String v,
                       Model model) {
        Inbox inbox = load(q, unread, waiting, page);
        if (inbox.version().equals(v)) {
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        }
        model.addAttribute("inbox", inbox);
        return "inbox :: list";
    }

    /** @param waiting only the staff queue: customers who asked for a person and got no staff message since */
    private Inbox load(String q, boolean unread, boolean waiting, int page) {
        Map<String, String> filters = new LinkedHashMap<>();
        String search = q == null ? "" : q.strip();
        if (!search.isEmpty()) {
            // digits are a phone number; anything else is a partner's name or company
            boolean phoneLike = search.replaceAll("[\\s().+-]", "").chars().allMatch(Character::isDigit)
                    && phoneNumbers.toWaId(search).isPresent();
            filters.put(phoneLike ? "phone" : "q", search);
        }
        if (unread) {
            filters.put("unread", "true");
        }
        if (waiting) {
            filters.put("waitingForStaff", "true");
        }
        ApiPage<Conversation> found = conversations.conversations(filters, Math.max(page, 0), PAGE_SIZE);
        List<Row> rows = found.items().stream().map(this::row).toList();
        String version = Versions.of(found.totalElements(), rows);
        return new Inbox(search, unread, waiting, found, rows, version);
    }

    private Row row(Conversation c) {
        var last = c.lastMessage();
        return new Row(c.id(), c.displayName(), c.customerPhone(), last == null ? null : last.text(),
                last == null ? null : last.type(), last != null && "INBOUND".equals(last.direction()),
                formats.when(c.lastActivityAt()), formats.exact(c.lastActivityAt()), formats.iso(c.lastActivityAt()),
                c.unreadCount(), c.windowOpen(), c.windowOpen() ? formats.when(c.windowOpenUntil()) : null,
                c.partner() == null ? null : c.partner().id(), HandOffNotice.of(c, formats));
    }

    /** @param version what the polling sends back to learn whether anything changed */
    public record Inbox(String q, boolean unread, boolean waiting, ApiPage<Conversation> page, List<Row> rows,
                        String version) {
    }

    /**
     * One conversation as the list shows it.
     *
     * @param handOff the customer asked for an advisor and waits for staff; null when not
     */
    public record Row(String id, String name, String phone, String lastText, String lastType, boolean lastInbound,
                      String when, String whenExact, String whenIso, int unread, boolean windowOpen,
                      String windowUntil, String partnerId, HandOffNotice handOff) {
    }
}
