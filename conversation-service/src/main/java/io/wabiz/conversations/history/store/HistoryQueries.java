package io.wabiz.conversations.history.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.conversations.history.documents.ConversationDocument;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.MessageDocument;
import io.wabiz.conversations.history.documents.StatusProgress;
import io.wabiz.conversations.web.PageView;
import io.wabiz.conversations.web.PageView.PageRequest;
import io.wabiz.events.whatsapp.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads the history for the staff API. */
public class HistoryQueries {

    /**
     * Which conversations to list; null fields do not filter.
     *
     * @param customerWaIds the customers (from a phone number or a partner); an empty list matches nothing
     * @param activeSince   last activity at or after
     * @param activeUntil   last activity before
     * @param waitingForStaff true: the customer asked for a person and no staff member wrote since; false: not
     * @param search        what a search found, matched as either of its parts; null: no search
     */
    public record ConversationFilter(Collection<String> customerWaIds, Boolean unread, Instant activeSince,
                                     Instant activeUntil, Boolean waitingForStaff, Search search) {
    }

    /**
     * A search's matches: a conversation matches when its customer is one of {@code customerWaIds} (a partner's
     * name) or it is one of {@code conversationIds} (it holds a message about the document searched for).
     */
    public record Search(Collection<String> customerWaIds, Collection<String> conversationIds) {
    }

    private static final Date NEVER = new Date(0);

    /**
     * Which messages to list; null fields do not filter.
     *
     * @param from at or after
     * @param to   before
     */
    public record MessageFilter(String conversationId, Collection<String> customerWaIds, Direction direction,
                                String type, DeliveryStatus status, Instant from, Instant to) {

        /** All the messages of one conversation. */
        public static MessageFilter ofConversation(String conversationId) {
            return new MessageFilter(conversationId, null, null, null, null, null, null);
        }
    }

    private final MongoTemplate mongo;

    public HistoryQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ConversationDocument> conversation(String id) {
        Query byId = query(where("_id").is(id));
        byId.fields().exclude(ConversationSummaries.MESSAGE_IDS);
        return Optional.ofNullable(mongo.findOne(byId, ConversationDocument.class));
    }

    /** Until when free-form messages reach the customer of a conversation; empty when they never wrote. */
    public Optional<Instant> windowOpenUntil(String conversationId) {
        return conversation(conversationId).map(ConversationDocument::windowOpenUntil);
    }

    /** Who wrote a message, on which business number: what a reply needs to know of it. */
    public record MessageOrigin(String wamid, Direction direction, String businessPhoneNumberId,
                                String customerWaId) {
    }

    public Optional<MessageOrigin> origin(String messageId) {
        return message(messageId).map(m -> new MessageOrigin(m.wamid(), m.direction(), m.businessPhoneNumberId(),
                m.customerWaId()));
    }

    public PageView<ConversationDocument> conversations(ConversationFilter filter, PageRequest page) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.customerWaIds() != null) {
            criteria.add(where("customerWaId").in(filter.customerWaIds()));
        }
        if (filter.search() != null) {
            criteria.add(new Criteria().orOperator(where("customerWaId").in(filter.search().customerWaIds()),
                    where("_id").in(filter.search().conversationIds())));
        }
        if (filter.unread() != null) {
            criteria.add(where("unreadWamids.0").exists(filter.unread()));
        }
        if (filter.waitingForStaff() != null) {
            // the rule of ConversationDocument.waitingForStaff: a hand-off later than staff's last message
            Document handOffAfterAnswer = new Document(filter.waitingForStaff() ? "$gt" : "$lte", List.of(
                    new Document("$ifNull", List.of("$handOff.requestedAt", NEVER)),
                    new Document("$ifNull", List.of("$staffAnsweredAt", NEVER))));
            criteria.add(Criteria.expr(() -> handOffAfterAnswer));
        }
        if (filter.activeSince() != null || filter.activeUntil() != null) {
            Criteria activity = where("lastActivityAt");
            if (filter.activeSince() != null) {
                activity = activity.gte(filter.activeSince());
            }
            if (filter.activeUntil() != null) {
                activity = activity.lt(filter.activeUntil());
            }
            criteria.add(activity);
        }
        Query query = criteria.isEmpty() ? new Query() : query(new Criteria().andOperator(criteria));
        query.fields().exclude(ConversationSummaries.MESSAGE_IDS); // a list shows summaries
        return page(query, Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.asc("_id")), page,
                ConversationDocument.class);
    }

    /**
     * The conversations holding a message about the ERP document known by this number (an order's or invoice's,
     * as the automation's commands carry it): {@code S00042}, {@code INV/2026/00017}. Exact, or in capitals
     * since the ERP's numbers are written so.
     */
    public List<String> conversationsAboutDocument(String number) {
        String typed = number.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        Collection<String> spellings = new LinkedHashSet<>(List.of(typed, typed.toUpperCase(Locale.ROOT)));
        return mongo.findDistinct(query(where("correlation.documentNumber").in(spellings)), "conversationId",
                MessageDocument.class, String.class);
    }

    /**
     * A message by its id. The id a send answered ({@code cmd:<idempotency key>}) keeps working after Meta
     * accepted the message and it moved to its wamid.
     */
    public Optional<MessageDocument> message(String id) {
        MessageDocument found = mongo.findById(id, MessageDocument.class);
        if (found == null && id.startsWith(MessageDocument.PENDING_PREFIX)) {
            found = mongo.findOne(query(where("idempotencyKey").is(id.substring(MessageDocument.PENDING_PREFIX.length()))
                    .and("direction").exists(true)), MessageDocument.class);
        }
        return Optional.ofNullable(found).filter(MessageDocument::known);
    }

    public PageView<MessageDocument> messages(MessageFilter filter, PageRequest page, Sort.Direction order) {
        if (filter.conversationId() != null && filter.equals(MessageFilter.ofConversation(filter.conversationId()))) {
            Optional<PageView<MessageDocument>> kept = keptPage(filter.conversationId(), page, order);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        List<Criteria> criteria = new ArrayList<>();
        if (filter.conversationId() != null) {
            // a customer who changed number: their earlier conversations' messages belong to this one
            List<String> ids = new ArrayList<>(List.of(filter.conversationId()));
            conversation(filter.conversationId()).map(ConversationDocument::previousConversationIds)
                    .ifPresent(ids::addAll);
            criteria.add(ids.size() == 1 ? where("conversationId").is(filter.conversationId())
                    : where("conversationId").in(ids));
        }
        if (filter.customerWaIds() != null) {
            criteria.add(where("customerWaId").in(filter.customerWaIds()));
        }
        // a status that came before its message leaves a document without direction: not a message yet
        criteria.add(filter.direction() != null ? where("direction").is(filter.direction())
                : where("direction").exists(true));
        if (filter.type() != null) {
            criteria.add(where("type").is(filter.type()));
        }
        if (filter.status() != null) {
            criteria.add(where("statusRank").is(StatusProgress.rank(filter.status())));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = where("at");
            if (filter.from() != null) {
                at = at.gte(filter.from());
            }
            if (filter.to() != null) {
                at = at.lt(filter.to());
            }
            criteria.add(at);
        }
        Query query = query(new Criteria().andOperator(criteria));
        return page(query, Sort.by(new Sort.Order(order, "at"), new Sort.Order(order, "_id")), page,
                MessageDocument.class);
    }

    /**
     * A page of one conversation's messages read by id from the ids the conversation keeps (see
     * {@link ConversationSummaries#KEPT_MESSAGE_IDS}), in the order the query would give: by time, then id. Empty
     * when they are not all there (a conversation stored before they were kept, one past the limit, one that
     * lists a customer's earlier numbers): then the messages are queried.
     */
    private Optional<PageView<MessageDocument>> keptPage(String conversationId, PageRequest page, Sort.Direction order) {
        Query kept = query(where("_id").is(conversationId));
        kept.fields().include(ConversationSummaries.MESSAGE_IDS, ConversationSummaries.MESSAGE_IDS_COMPLETE,
                "previousConversationIds");
        Document conversation = mongo.findOne(kept, Document.class, ConversationDocument.COLLECTION);
        if (conversation == null || !Boolean.TRUE.equals(conversation.getBoolean(ConversationSummaries.MESSAGE_IDS_COMPLETE))
                || !conversation.getList("previousConversationIds", String.class, List.of()).isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = conversation.getList(ConversationSummaries.MESSAGE_IDS, String.class, List.of());
        if (ids.size() >= ConversationSummaries.KEPT_MESSAGE_IDS) {
            return Optional.empty();
        }
        // a pending send's cmd: id is gone once Meta accepted it (its wamid is kept too); a status-only one is no message
        List<MessageDocument> found = ids.isEmpty() ? List.of()
                : mongo.find(query(where("_id").in(new LinkedHashSet<>(ids))), MessageDocument.class);
        Comparator<MessageDocument> byTime = Comparator.comparing(MessageDocument::at,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(MessageDocument::id);
        List<MessageDocument> messages = found.stream()
                .filter(m -> m.known() && conversationId.equals(m.conversationId()))
                .sorted(order == Sort.Direction.DESC ? byTime.reversed() : byTime).toList();
        int from = (int) Math.min(page.offset(), messages.size());
        int to = Math.min(from + page.size(), messages.size());
        return Optional.of(PageView.of(messages.subList(from, to), page, messages.size()));
    }

    private <T> PageView<T> page(Query query, Sort sort, PageRequest page, Class<T> type) {
        List<T> items = mongo.find(Query.of(query).with(sort).skip(page.offset()).limit(page.size()), type);
        // a page that is not full tells the total itself; only full or empty pages need a count
        boolean totalKnown = items.size() < page.size() && (!items.isEmpty() || page.offset() == 0);
        long total = totalKnown ? page.offset() + items.size() : mongo.count(query, type);
        return PageView.of(items, page, total);
    }
}
