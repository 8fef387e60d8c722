package io.wabiz.events.whatsapp;

/**
 * What an inbound message answers or quotes: Meta's {@code context}. For a button tap, {@code wamid}
 * is the id of the business message whose button was tapped.
 */
public record ReplyContext(String fromNumber, String wamid, Boolean forwarded, Boolean frequentlyForwarded,
                           String referredProductId) {
}
