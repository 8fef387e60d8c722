package io.wabiz.conversations.history.store;

import io.wabiz.conversations.history.documents.ConversationDocument.LastMessage;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.MessageContent;
import io.wabiz.conversations.history.documents.StatusProgress;
import io.wabiz.conversations.history.store.Messages.Stored;
import io.wabiz.conversations.history.store.Messages.Upsert;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages the business sent from the WhatsApp Business app on the same number (Meta's echoes): outbound in
 * the history, SENT when Meta echoed them, {@code sentFrom = BUSINESS_APP}; stored once per wamid. Edits and
 * deletions made in the app change the message they name.
 */
public class BusinessAppMessages {

    static final String BUSINESS_APP = "BUSINESS_APP";

    private final Messages messages;
    private final ConversationSummaries summaries;

    BusinessAppMessages(Messages messages, ConversationSummaries summaries) {
        this.messages = messages;
        this.summaries = summaries;
    }

    public List<Outcome> record(List<BusinessMessageEchoed> events) {
        events.forEach(RecordChecks::check);
        Map<String, Stored> before = messages.existing(events.stream().map(BusinessMessageEchoed::wamid).toList());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        ConversationSummaries.Batch conversations = summaries.batch();
        List<Upsert> writes = new ArrayList<>(events.size());
        Set<String> seen = new HashSet<>();
        for (BusinessMessageEchoed event : events) {
            Instant at = event.sentAt() != null ? event.sentAt() : event.occurredAt();
            Optional<Upsert> correction = Corrections.of(messages, event.content(), at);
            if (correction.isPresent()) {
                writes.add(correction.get());
                outcomes.add(Outcome.ADVANCED);
                continue;
            }
            Stored old = before.get(event.wamid());
            if ((old != null && old.known()) || !seen.add(event.wamid())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            MessageContent content = MessageContent.of(event.content());
            String conversationId = ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId());
            Changes update = messages.message(event.wamid(), conversationId, event.businessPhoneNumberId(),
                            event.customerWaId(), Direction.OUTBOUND, content)
                    .min("at", at)
                    .max("statusRank", StatusProgress.rank(DeliveryStatus.SENT))
                    .min("timeline." + DeliveryStatus.SENT.name(), at)
                    .set("sentFrom", BUSINESS_APP);
            writes.add(new Upsert(event.wamid(), update));
            conversations.add(conversationId, event.businessPhoneNumberId(), event.customerWaId(),
                    new LastMessage(at, event.wamid(), Direction.OUTBOUND, content.type(), content.text()), false, null)
                    // someone of the business wrote from the app: a person answered the customer
                    .staffAnswered(conversationId, event.businessPhoneNumberId(), event.customerWaId(), at);
            outcomes.add(Outcome.STORED);
        }
        conversations.write();
        messages.upsertAll(writes);
        return outcomes;
    }
}
