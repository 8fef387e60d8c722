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
 */
@Document(ConversationDocument.COLLECTION)
public record ConversationDocument(@Id String id, String businessPhoneNumberId, String customerWaId,
                                   String customerProfileName, Instant createdAt, Instant lastActivityAt,
                                   Instant lastInboundAt, Instant windowOpenUntil, LastMessage lastMessage,
                                   List<String> unreadWamids, List<String> previousConversationIds,
                                   String movedTo) {

    public static final String COLLECTION = "conversations";

    public int unreadCount() {
        return unreadWamids == null ? 0 : unreadWamids.size();
    }

    /** Field order matters: {@code $max} compares these documents by {@code at} first. */
    public record LastMessage(Instant at, String messageId, Direction direction, String type, String text) {
    }
}
