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
import java.util.Date;
import java.util.List;
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
     */
    public record ConversationFilter(Collection<String> customerWaIds, Boolean unread, Instant activeSince,
                                     Instant activeUntil, Boolean waitingForStaff) {
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
    }

    private final MongoTemplate mongo;

    public HistoryQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ConversationDocument> conversation(String id) {
        return Optional.ofNullable(mongo.findById(id, ConversationDocument.class));
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
        return page(query, Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.asc("_id")), page,
                ConversationDocument.class);
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

    private <T> PageView<T> page(Query query, Sort sort, PageRequest page, Class<T> type) {
        List<T> items = mongo.find(Query.of(query).with(sort).skip(page.offset()).limit(page.size()), type);
        // a page that is not full tells the total itself; only full or empty pages need a count
        boolean totalKnown = items.size() < page.size() && (!items.isEmpty() || page.offset() == 0);
        long total = totalKnown ? page.offset() + items.size() : mongo.count(query, type);
        return PageView.of(items, page, total);
    }
}
