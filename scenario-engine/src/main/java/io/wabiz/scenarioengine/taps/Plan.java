package io.wabiz.scenarioengine.taps;

import io.wabiz.events.TopicRecord;
import io.wabiz.scenarioengine.orders.OrderView;
import io.wabiz.scenarioengine.state.ConversationState;
import java.util.List;

/**
 * Everything one tap does, decided before anything is written: the records to publish (their ids and idempotency
 * keys derived from the tap's wamid, so publishing them again changes nothing downstream), the conversation's new
 * state, and the order claim that must succeed first.
 *
 * @param action the metric name of what ran ({@code confirm_order}, {@code scenario:menu}, {@code keyword}, ...)
 * @param detail a short reason for logs and the dry run (the stale state, the unknown id, ...)
 */
public record Plan(Tap tap, String action, TapOutcome outcome, String detail, List<TopicRecord> records,
                   ConversationState newState, Claim claim) {

    public Plan {
        records = List.copyOf(records);
    }

    /** The one conditional write on an order that makes only the first of racing taps act. */
    public record Claim(String orderId, String expectedVersion, OrderView.Request request) {
    }
}
