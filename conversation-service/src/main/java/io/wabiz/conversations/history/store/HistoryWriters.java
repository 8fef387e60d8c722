package io.wabiz.conversations.history.store;

import java.time.Duration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The history's writers, one per record family, over the {@code messages} collection and the conversations'
 * summaries. Every write is single-document and commutative (MongoDB without transactions): a record can
 * arrive late, early or twice and the result is the same.
 */
public record HistoryWriters(CustomerMessages customerMessages, DeliveryStatuses statuses, SendOutcomes sendOutcomes,
                             ConversationSummaries summaries, BusinessAppMessages businessAppMessages) {

    public static HistoryWriters of(MongoTemplate mongo, Duration customerWindow) {
        Messages messages = new Messages(mongo);
        ConversationSummaries summaries = new ConversationSummaries(mongo, customerWindow);
        return new HistoryWriters(new CustomerMessages(messages, summaries), new DeliveryStatuses(messages),
                new SendOutcomes(messages, summaries), summaries, new BusinessAppMessages(messages, summaries));
    }
}
