package io.wabiz.conversations.history.store;

import io.wabiz.conversations.history.documents.ConversationDocument.LastMessage;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.MessageContent;
import io.wabiz.conversations.history.store.Messages.Stored;
import io.wabiz.conversations.history.store.Messages.Upsert;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customers' messages (inbound): stored once per wamid, however often Meta delivers them; an edit or a
 * deletion changes the message it names ({@link Corrections}).
 */
public class CustomerMessages {

    private final Messages messages;
    private final ConversationSummaries summaries;

    CustomerMessages(Messages messages, ConversationSummaries summaries) {
        this.messages = messages;
        this.summaries = summaries;
    }

    public Outcome record(InboundMessageReceived event) {
        return record(List.of(event)).getFirst();
    }

    /**
     * Stores customer messages in three round trips whatever their number: which are known, the
     * conversations' summaries, then the messages. Summaries first: if the process stops in between, the
     * redelivered batch repeats the (commutative) summary updates and then stores the messages.
     */
    public List<Outcome> record(List<InboundMessageReceived> events) {
        events.forEach(RecordChecks::check);
        Map<String, Stored> before = messages.existing(events.stream().map(InboundMessageReceived::wamid).toList());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        ConversationSummaries.Batch conversations = summaries.batch();
        List<Upsert> writes = new ArrayList<>(events.size());
        Set<String> seen = new HashSet<>();
        for (InboundMessageReceived event : events) {
            Stored old = before.get(event.wamid());
            if ((old != null && old.known()) || !seen.add(event.wamid())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            Instant at = event.sentAt() != null ? event.sentAt() : event.occurredAt();
            Optional<Upsert> correction = Corrections.of(messages, event.content(), at);
            if (correction.isPresent()) {
                writes.add(correction.get());
                outcomes.add(Outcome.ADVANCED);
                continue;
            }
            MessageContent content = MessageContent.of(event.content());
            String conversationId = ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId());
            Changes update = messages.message(event.wamid(), conversationId, event.businessPhoneNumberId(),
                            event.customerWaId(), Direction.INBOUND, content)
                    .set("at", at)
                    .setIfPresent("context", event.context())
                    .setIfPresent("customerProfileName", event.customerProfileName());
            writes.add(new Upsert(event.wamid(), update));
            // Meta's system note (a new number) is in the history, but the customer did not write: no window, not unread
            boolean customerWrote = !(event.content() instanceof InboundContent.SystemEvent);
            conversations.add(conversationId, event.businessPhoneNumberId(), event.customerWaId(),
                    new LastMessage(at, event.wamid(), Direction.INBOUND, content.type(), content.text()), customerWrote,
                    event.customerProfileName());
            outcomes.add(Outcome.STORED);
        }
        conversations.write();
        messages.upsertAll(writes);
        return outcomes;
    }
}
