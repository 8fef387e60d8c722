package io.wabiz.conversations.send;

import io.wabiz.conversations.send.SendPolicy.Refusal;
import java.util.Collection;
import java.util.List;

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

    /** The Idempotency-Key already stands for another request; {@code conflicts} names what differs. */
    public static final class KeyReused extends SendRefused {

        private final List<String> conflicts;

        public KeyReused(List<String> conflicts) {
            super("the Idempotency-Key was already used for a different request (its " + String.join(", ", conflicts)
                    + " differ" + (conflicts.size() == 1 ? "s" : "") + "): a new message needs a new key");
            this.conflicts = List.copyOf(conflicts);
        }

        public List<String> conflicts() {
            return conflicts;
        }
    }

    /** The business number is not one this platform sends from. */
    public static final class UnknownBusinessNumber extends SendRefused {
        public UnknownBusinessNumber(String number, Collection<String> known) {
            super("businessPhoneNumberId " + number + " is not a business number of this platform (known: "
                    + String.join(", ", known) + ")");
        }
    }

    /** A template of the send (its content or its fallback) that Meta would refuse. */
    public static final class TemplateRefused extends SendRefused {

        /** Why, as the problem's {@code reason}. */
        public enum Reason { UNKNOWN_TEMPLATE, TEMPLATE_NOT_APPROVED, TEMPLATE_PARAMETER_COUNT }

        private final Reason reason;
        private final String templateStatus;

        /** @param templateStatus the template's state as last synced from Meta (null when it is unknown) */
        public TemplateRefused(Reason reason, String detail, String templateStatus) {
            super(detail);
            this.reason = reason;
            this.templateStatus = templateStatus;
        }

        public Reason reason() {
            return reason;
        }

        public String templateStatus() {
            return templateStatus;
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
