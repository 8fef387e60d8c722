package io.wabiz.conversations.history.api;

import io.wabiz.conversations.history.documents.ConversationDocument;
import io.wabiz.conversations.history.documents.ConversationDocument.LastMessage;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.MessageContent;
import io.wabiz.conversations.history.documents.MessageDocument;
import io.wabiz.conversations.history.documents.MessageDocument.MessageError;
import io.wabiz.conversations.history.documents.StatusProgress;
import io.wabiz.conversations.partners.PartnerDocument;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.ReplyContext;
import io.wabiz.events.whatsapp.WhatsAppUserIds;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the staff API shows of conversations and messages. */
public final class HistoryViews {

    private HistoryViews() {
    }

    public record PartnerRef(String id, String name) {

        static PartnerRef of(PartnerDocument partner) {
            return partner == null ? null : new PartnerRef(partner.id(), partner.displayName());
        }
    }

    /**
     * @param windowOpen      whether free-form messages reach the customer now
     * @param waitingForStaff the customer asked for a person ({@code handOff}) and no staff member wrote to them
     *                        since
     * @param handOff         the customer's latest request for a person, answered or not
     * @param staffAnsweredAt when staff last wrote to the customer in person (not bulk sends)
     */
    public record ConversationView(String id, String businessPhoneNumberId, String customerWaId,
                                   String customerPhone, String customerProfileName, PartnerRef partner,
                                   Instant lastActivityAt, Instant lastInboundAt, Instant windowOpenUntil,
                                   boolean windowOpen, int unreadCount, LastMessage lastMessage,
                                   boolean waitingForStaff, ConversationDocument.HandOff handOff,
                                   Instant staffAnsweredAt) {

        public static ConversationView of(ConversationDocument c, PartnerDocument partner, Instant now) {
            String phone = WhatsAppUserIds.isBusinessScoped(c.customerWaId()) ? null : "+" + c.customerWaId();
            return new ConversationView(c.id(), c.businessPhoneNumberId(), c.customerWaId(), phone,
                    c.customerProfileName(), PartnerRef.of(partner), c.lastActivityAt(), c.lastInboundAt(),
                    c.windowOpenUntil(), c.windowOpenUntil() != null && c.windowOpenUntil().isAfter(now),
                    c.unreadCount(), c.lastMessage(), c.waitingForStaff(), c.handOff(), c.staffAnsweredAt());
        }
    }

    public record TimelineEntry(DeliveryStatus status, Instant at) {
    }

    /**
     * @param status   the furthest delivery status reached (outbound messages; null for customer messages)
     * @param timeline every status reached, in order, with when it was first reached
     * @param sentBy   who sent an outbound message: STAFF (actor = user), AUTOMATION or SCENARIO
     * @param outcomeUnresolvedSince whether Meta got the message is unknown since then, and no status told
     *                               afterwards: check with the customer, resend under a new key if needed
     * @param edited    the latest edit by the message's sender (its new content; {@code text} stays the original)
     * @param revokedAt when the sender deleted the message for everyone
     * @param sentFrom  {@code BUSINESS_APP}: sent from the WhatsApp Business app, not through the platform
     */
    public record MessageView(String id, String wamid, String conversationId, String businessPhoneNumberId,
                              String customerWaId, Direction direction, String type, String text,
                              MessageContent.MediaRef media, Map<String, Object> content, Instant at,
                              DeliveryStatus status, List<TimelineEntry> timeline, Instant acceptedAt,
                              MessageError error, String pricingCategory, String replyToWamid, ReplyContext context,
                              Correlation sentBy, String idempotencyKey, String commandId, String sendForm,
                              String customerProfileName, Instant outcomeUnresolvedSince,
                              MessageDocument.Edited edited, Instant revokedAt, String sentFrom) {

        public static MessageView of(MessageDocument m) {
            List<TimelineEntry> timeline = m.timeline() == null ? List.of() : m.timeline().entrySet().stream()
                    .map(e -> new TimelineEntry(DeliveryStatus.valueOf(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparing((TimelineEntry e) -> StatusProgress.rank(e.status()))
                            .thenComparing(TimelineEntry::at))
                    .toList();
            DeliveryStatus status = m.direction() == Direction.INBOUND ? null : StatusProgress.ofRank(m.statusRank());
            return new MessageView(m.id(), m.wamid(), m.conversationId(), m.businessPhoneNumberId(), m.customerWaId(),
                    m.direction(), m.type(), m.text(), m.media(), m.content(), m.at(), status, timeline,
                    m.acceptedAt(), m.error(), m.pricingCategory(), m.replyToWamid(), m.context(), m.correlation(),
                    m.idempotencyKey(), m.commandId(), m.sendForm(), m.customerProfileName(), m.unresolvedSince(),
                    m.edited(), m.revokedAt(), m.sentFrom());
        }
    }
}
