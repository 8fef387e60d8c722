package io.wabiz.sender.window;

import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each conversation's window from the customers' messages (idempotent: the latest time wins). */
@Component
class InboundMessagesListener {

    private final ConversationWindows windows;

    InboundMessagesListener(ConversationWindows windows) {
        this.windows = windows;
    }

    @KafkaListener(topics = Topics.INBOUND_MESSAGES)
    void onInbound(InboundMessageReceived message) {
        windows.customerWrote(message.key(), message.sentAt() != null ? message.sentAt() : message.occurredAt());
    }
}
