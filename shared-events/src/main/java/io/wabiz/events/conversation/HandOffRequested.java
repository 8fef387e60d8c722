package io.wabiz.events.conversation;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer asked, by a tap or a keyword, to talk to a person: conversation-service marks the conversation for
 * staff until someone answers. The customer has already been told when to expect an answer.
 *
 * @param requestedByWamid  the customer's message that asked (the natural dedup key)
 * @param reason            what the customer chose ({@code menu: Parler à un conseiller}), for the staff queue
 * @param source            the scenario or button binding that handed off ({@code scenario:menu}, {@code action:...})
 * @param language          the language the customer is answered in ({@code fr}, {@code en})
 * @param expectedAnswerBy  when the customer was told someone would answer (within opening hours)
 * @param partnerIds        the ERP partners of the customer's number, when known; may be empty
 */
public record HandOffRequested(String id, Instant occurredAt, String businessPhoneNumberId, String customerWaId,
                               String customerProfileName, String requestedByWamid, String reason, String source,
                               String language, Instant expectedAnswerBy, java.util.List<String> partnerIds)
        implements TopicRecord {

    public HandOffRequested {
        Objects.requireNonNull(businessPhoneNumberId, "businessPhoneNumberId");
        Objects.requireNonNull(customerWaId, "customerWaId");
        partnerIds = io.wabiz.events.Immutables.list(partnerIds);
    }

    /** Keyed by conversation, like everything about one chat. */
    @Override
    public String key() {
        return ConversationKey.of(businessPhoneNumberId, customerWaId);
    }
}
