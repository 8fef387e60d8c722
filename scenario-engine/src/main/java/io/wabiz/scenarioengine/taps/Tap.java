package io.wabiz.scenarioengine.taps;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's message the engine may act on: a tap (reply button, list row, template quick-reply button) or a
 * text (a keyword). Quick-reply taps behave exactly like interactive ones: both carry the button's id.
 *
 * @param receivedAt when the ingress published the message (the Kafka record's time), for the tap-to-command time
 */
public record Tap(String businessPhoneNumberId, String customerWaId, String profileName, String wamid, Instant sentAt,
                  Instant receivedAt, Trigger trigger) {

    public sealed interface Trigger {
    }

    /** @param source {@code button}, {@code list_row} or {@code quick_reply} */
    public record Button(String payload, String title, String source) implements Trigger {
    }

    public record Text(String body) implements Trigger {
    }

    public String conversationKey() {
        return ConversationKey.of(businessPhoneNumberId, customerWaId);
    }

    /** The tap in a message, or empty for content the engine does not act on (media, reactions, ...). */
    public static Optional<Tap> of(InboundMessageReceived message, Instant receivedAt) {
        Trigger trigger = switch (message.content()) {
            case InboundContent.ButtonReply b -> new Button(b.buttonId(), b.title(), "button");
            case InboundContent.ListReply l -> new Button(l.rowId(), l.title(), "list_row");
            case InboundContent.QuickReply q -> new Button(q.payload(), q.text(), "quick_reply");
            case InboundContent.Text t -> new Text(t.body());
            case null, default -> null;
        };
        if (trigger == null) {
            return Optional.empty();
        }
        return Optional.of(new Tap(message.businessPhoneNumberId(), message.customerWaId(),
                message.customerProfileName(), message.wamid(),
                message.sentAt() == null ? message.occurredAt() : message.sentAt(), receivedAt, trigger));
    }
}
