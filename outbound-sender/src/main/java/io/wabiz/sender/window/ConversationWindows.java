package io.wabiz.sender.window;

import java.time.Instant;

/** Per conversation, when the customer last wrote: free-form messages go only within 24 hours of it. */
public interface ConversationWindows {

    /** Idempotent and order-proof: keeps the latest time seen. */
    void customerWrote(String conversationKey, Instant at);

    /** Meta said the window is closed (131047): free-form waits for the customer's next message. */
    void close(String conversationKey, Instant at);

    boolean isOpen(String conversationKey, Instant now);
}
