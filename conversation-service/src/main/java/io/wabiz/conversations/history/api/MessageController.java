package io.wabiz.conversations.history.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wabiz.conversations.ConversationsProperties;
import io.wabiz.conversations.history.api.HistoryViews.MessageView;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.store.HistoryQueries;
import io.wabiz.conversations.history.store.HistoryQueries.MessageFilter;
import io.wabiz.conversations.partners.CustomerIds;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.conversations.partners.PartnerDocument;
import io.wabiz.conversations.web.ApiProblem;
import io.wabiz.conversations.web.PageView;
import io.wabiz.conversations.web.PageView.PageRequest;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.events.whatsapp.DeliveryStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/messages")
@Tag(name = "Messages", description = "Messages across conversations, with their delivery status timeline")
public class MessageController {

    private final HistoryQueries queries;
    private final PartnerDirectory partners;
    private final PhoneNumbers phoneNumbers;
    private final ConversationsProperties properties;

    public MessageController(HistoryQueries queries, PartnerDirectory partners, PhoneNumbers phoneNumbers,
                             ConversationsProperties properties) {
        this.queries = queries;
        this.partners = partners;
        this.phoneNumbers = phoneNumbers;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Search messages across conversations, newest first unless order=asc")
    public PageView<MessageView> search(
            @RequestParam(required = false) Direction direction,
            @Parameter(description = "content type: text, image, document, button_reply, template, ...")
            @RequestParam(required = false) String type,
            @Parameter(description = "delivery status reached (outbound messages)") @RequestParam(required = false)
            DeliveryStatus status,
            @Parameter(description = "the customer's phone number, any usual form") @RequestParam(required = false)
            String contact,
            @Parameter(description = "the customer's ERP partner id") @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String conversationId,
            @Parameter(description = "at or after (ISO-8601)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "before (ISO-8601)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "asc or desc") @RequestParam(required = false, defaultValue = "desc") String order,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size, properties.paging().defaultSize(), properties.paging().maxSize());
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("'from' must be before 'to'");
        }
        Collection<String> customers = null;
        if (contact != null) {
            customers = List.of(CustomerIds.of(phoneNumbers, contact)
                    .orElseThrow(() -> ApiProblem.badRequest("'contact' is not a valid phone number: " + contact)));
        }
        if (partnerId != null) {
            List<String> partnerWaIds = partners.byId(partnerId).map(PartnerDocument::waIds).orElse(List.of());
            customers = customers == null ? partnerWaIds
                    : customers.stream().filter(partnerWaIds::contains).toList();
        }
        String contentType = type == null ? null : type.toLowerCase(Locale.ROOT);
        return queries.messages(new MessageFilter(conversationId, customers, direction, contentType, status, from, to),
                request, direction(order)).map(MessageView::of);
    }

    @GetMapping("/{messageId}")
    @Operation(summary = "One message (by wamid, or by the id a send answered) with its full status timeline"
            + " and what to do about an error")
    public MessageView get(@PathVariable String messageId) {
        return queries.message(messageId).map(MessageView::of)
                .orElseThrow(() -> ApiProblem.notFound("Message", messageId));
    }

    private static Sort.Direction direction(String order) {
        return Sort.Direction.fromOptionalString(order)
                .orElseThrow(() -> ApiProblem.badRequest("'order' must be asc or desc, was " + order));
    }
}
