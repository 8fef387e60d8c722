package io.wabiz.conversations.history.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wabiz.conversations.ConversationsProperties;
import io.wabiz.conversations.history.api.HistoryViews.ConversationView;
import io.wabiz.conversations.history.api.HistoryViews.MessageView;
import io.wabiz.conversations.history.documents.ConversationDocument;
import io.wabiz.conversations.history.store.ConversationSummaries;
import io.wabiz.conversations.history.store.HistoryQueries;
import io.wabiz.conversations.history.store.HistoryQueries.ConversationFilter;
import io.wabiz.conversations.history.store.HistoryQueries.MessageFilter;
import io.wabiz.conversations.partners.CustomerIds;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.conversations.partners.PartnerDocument;
import io.wabiz.conversations.web.ApiProblem;
import io.wabiz.conversations.web.PageView;
import io.wabiz.conversations.web.PageView.PageRequest;
import io.wabiz.events.phone.PhoneNumbers;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conversations")
@Tag(name = "Conversations", description = "Every chat between a business number and a customer")
public class ConversationController {

    private final HistoryQueries queries;
    private final ConversationSummaries summaries;
    private final PartnerDirectory partners;
    private final PhoneNumbers phoneNumbers;
    private final ConversationsProperties properties;
    private final Clock clock;

    public ConversationController(HistoryQueries queries, ConversationSummaries summaries, PartnerDirectory partners,
                                  PhoneNumbers phoneNumbers, ConversationsProperties properties, Clock clock) {
        this.queries = queries;
        this.summaries = summaries;
        this.partners = partners;
        this.phoneNumbers = phoneNumbers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List and search conversations, most recent activity first")
    public PageView<ConversationView> list(
            @Parameter(description = "only this ERP partner's conversations") @RequestParam(required = false) String partnerId,
            @Parameter(description = "only this customer, phone in any usual form") @RequestParam(required = false) String phone,
            @Parameter(description = "partner name or company contains this text, or an order or invoice number"
                    + " (S00042, INV/2026/00017) is this text: the conversations holding a message about that document")
            @RequestParam(required = false) String q,
            @Parameter(description = "true: with unread customer messages; false: without") @RequestParam(required = false) Boolean unread,
            @Parameter(description = "true: the customer asked for a person and no staff member wrote since; "
                    + "false: not waiting") @RequestParam(required = false) Boolean waitingForStaff,
            @Parameter(description = "last activity at or after (ISO-8601)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant activeSince,
            @Parameter(description = "last activity before (ISO-8601)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant activeUntil,
            @Parameter(description = "page number from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "page size") @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size, properties.paging().defaultSize(), properties.paging().maxSize());
        Collection<String> customers = customers(partnerId, phone);
        PageView<ConversationDocument> found = queries.conversations(
                new ConversationFilter(customers, unread, activeSince, activeUntil, waitingForStaff, search(q)), request);
        Map<String, PartnerDocument> byWaId = partnersOf(found.items().stream().map(ConversationDocument::customerWaId)
                .toList());
        Instant now = clock.instant();
        return found.map(c -> ConversationView.of(c, byWaId.get(c.customerWaId()), now));
    }

    @GetMapping("/{conversationId}")
    @Operation(summary = "One conversation ({businessPhoneNumberId}:{customerWaId})")
    public ConversationView get(@PathVariable String conversationId) {
        ConversationDocument conversation = queries.conversation(conversationId)
                .orElseThrow(() -> ApiProblem.notFound("Conversation", conversationId));
        return ConversationView.of(conversation,
                partnersOf(List.of(conversation.customerWaId())).get(conversation.customerWaId()), clock.instant());
    }

    @GetMapping("/{conversationId}/messages")
    @Operation(summary = "A conversation's messages in time order (oldest first unless order=desc)")
    public PageView<MessageView> messages(@PathVariable String conversationId,
                                          @Parameter(description = "asc or desc") @RequestParam(required = false, defaultValue = "asc") String order,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size, properties.paging().defaultSize(), properties.paging().maxSize());
        if (queries.conversation(conversationId).isEmpty()) {
            throw ApiProblem.notFound("Conversation", conversationId);
        }
        return queries.messages(MessageFilter.ofConversation(conversationId), request, direction(order))
                .map(MessageView::of);
    }

    @PostMapping("/{conversationId}/read")
    @Operation(summary = "Mark the conversation's customer messages as read by staff (unread count back to 0)")
    public ResponseEntity<Void> markRead(@PathVariable String conversationId) {
        if (!summaries.markRead(conversationId)) {
            throw ApiProblem.notFound("Conversation", conversationId);
        }
        return ResponseEntity.noContent().build();
    }

    /** The customers a partner or phone filter stands for; null when none is given. */
    Collection<String> customers(String partnerId, String phone) {
        Set<String> waIds = null;
        if (partnerId != null) {
            waIds = new LinkedHashSet<>(partners.byId(partnerId).map(PartnerDocument::waIds).orElse(List.of()));
        }
        if (phone != null) {
            String waId = CustomerIds.of(phoneNumbers, phone)
                    .orElseThrow(() -> ApiProblem.badRequest("'phone' is not a valid phone number: " + phone));
            waIds = intersect(waIds, Set.of(waId));
        }
        return waIds;
    }

    /** A search box's text: the customers of the partners so named, and the conversations about such a document. */
    private HistoryQueries.Search search(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> named = new LinkedHashSet<>();
        partners.byName(text).forEach(p -> named.addAll(p.waIds()));
        return new HistoryQueries.Search(named, queries.conversationsAboutDocument(text));
    }

    private static Set<String> intersect(Set<String> current, Set<String> more) {
        if (current == null) {
            return new LinkedHashSet<>(more);
        }
        current.retainAll(more);
        return current;
    }

    private Map<String, PartnerDocument> partnersOf(Collection<String> waIds) {
        Map<String, PartnerDocument> byWaId = new HashMap<>();
        for (PartnerDocument partner : partners.byWaIds(waIds)) {
            partner.waIds().forEach(waId -> byWaId.putIfAbsent(waId, partner));
        }
        return byWaId;
    }

    private static Sort.Direction direction(String order) {
        return Sort.Direction.fromOptionalString(order)
                .orElseThrow(() -> ApiProblem.badRequest("'order' must be asc or desc, was " + order));
    }
}
