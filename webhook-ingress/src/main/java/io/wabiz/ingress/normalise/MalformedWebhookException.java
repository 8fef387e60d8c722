package io.wabiz.ingress.normalise;

/** A signed body that is not a WhatsApp webhook we can read: not JSON, or not Meta's shape. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
