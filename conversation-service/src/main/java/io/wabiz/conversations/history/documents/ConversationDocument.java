package io.wabiz.conversations.history.documents;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The summary of one chat between a business number and a customer, kept up to date with commutative
 * updates ({@code $max}, {@code $addToSet}) so that records may arrive in any order and any number of times.
 *
 * @param id             the conversation key {@code {businessPhoneNumberId}:{customerWaId}}
 * @param windowOpenUntil free-form messages reach the customer until then (last inbound + 24 h)
 * @param unreadWamids    the customer's messages no staff member has marked read
 * @param previousConversationIds the same customer's conversations under their earlier numbers
 *                                (Meta's user_changed_number): listed with this one
 * @param movedTo         the customer's conversation under their new number, when they changed it
 * @param handOff         the customer's latest request to talk to a person (the scenario engine's hand-off)
 * @param staffAnsweredAt when staff last wrote to the customer (a send or reply from the API, or a message from
 *                        the WhatsApp Business app): a hand-off before it is answered
 */
@Document(ConversationDocument.COLLECTION)
public record ConversationDocument(@Id String id, String businessPhoneNumberId, String customerWaId,
                                   String customerProfileName, Instant createdAt, Instant lastActivityAt,
                                   Instant lastInboundAt, Instant windowOpenUntil, LastMessage lastMessage,
                                   List<String> unreadWamids, List<String> previousConversationIds,
                                   String movedTo, HandOff handOff, Instant staffAnsweredAt) {

    public static final String COLLECTION = "conversations";

    public int unreadCount() {
        return unreadWamids == null ? 0 : unreadWamids.size();
    }

    /**
     * Whether the customer waits for staff: they asked for a person and nobody from staff wrote to them since.
     * Derived from two {@code $max} fields, so hand-offs and staff messages may arrive in any order.
     */
    public boolean waitingForStaff() {
        return handOff != null && handOff.requestedAt() != null
                && (staffAnsweredAt == null || staffAnsweredAt.isBefore(handOff.requestedAt()));
    }

    /**
     * A customer's request to talk to a person, as the scenario engine handed it off. Field order matters:
     * {@code $max} keeps the latest request by {@code requestedAt}.
     *
     * @param requestedByWamid the customer's message that asked
     * @param reason           what the customer chose, for the staff queue
     * @param source           the scenario or binding that handed off ({@code scenario:menu})
     * @param expectedAnswerBy when the customer was told someone would answer
     */
    public record HandOff(Instant requestedAt, String requestedByWamid, String reason, String source,
                          String language, Instant expectedAnswerBy, List<String> partnerIds) {
    }

    /** Field order matters: {@code $max} compares these documents by {@code at} first. */
    public record LastMessage(Instant at, String messageId, Direction direction, String type, String text) {
    }
}
