package io.wabiz.conversations.send;

import io.wabiz.conversations.send.SendPolicy.Refusal;

/**
 * Why a staff send was not queued, in the API's own terms. No HTTP here: {@link SendController} turns each
 * kind into its problem details.
 */
public abstract sealed class SendRefused extends RuntimeException {

    private SendRefused(String detail) {
        super(detail);
    }

    /** The request itself is wrong: a missing or malformed value. */
    public static final class InvalidRequest extends SendRefused {
        public InvalidRequest(String detail) {
            super(detail);
        }
    }

    /** The message to reply to does not exist. */
    public static final class MessageNotFound extends SendRefused {
        public MessageNotFound(String messageId) {
            super("No message " + messageId);
        }
    }

    /** Only a customer's message can be replied to. */
    public static final class NotACustomerMessage extends SendRefused {
        public NotACustomerMessage(String messageId) {
            super("only a customer's message can be replied to; " + messageId + " was sent by the business");
        }
    }

    /** The recipient cannot be reached, for a reason {@link SendPolicy} names. */
    public static final class Unreachable extends SendRefused {

        private final Refusal refusal;

        public Unreachable(Refusal refusal) {
            super(refusal.explanation());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** The Idempotency-Key already stands for another request. */
    public static final class KeyReused extends SendRefused {
        public KeyReused() {
            super("the Idempotency-Key was already used for a different request");
        }
    }

    /** Kafka did not acknowledge the command in time: nothing is known to be queued, a retry is safe. */
    public static final class NotQueued extends SendRefused {
        public NotQueued(Throwable cause) {
            super("the message could not be queued for sending; retry with the same Idempotency-Key");
            initCause(cause);
        }
    }
}
