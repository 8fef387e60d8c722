package io.wabiz.conversations.send;

import io.wabiz.events.outbound.OutboundContent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a staff message may go to a customer, and if not, why. Plain rules, no I/O: the
 * caller gathers what is known of the recipient.
 */
public final class SendPolicy {

    /** Why a customer cannot be reached by a staff send. */
    public enum Refusal {
        UNKNOWN_PARTNER("no such ERP partner"),
        INACTIVE_PARTNER("the partner is marked inactive in the ERP"),
        NO_PHONE("the partner has no valid phone number"),
        OPTED_OUT("the customer asked to receive no more messages"),
        MARKETING_OPTED_OUT("the customer stopped marketing messages (WhatsApp error 131050)"),
        WINDOW_CLOSED_WITHOUT_TEMPLATE("the 24-hour window is closed and the message has no template to fall back on");

        private final String explanation;

        Refusal(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    /**
     * What is known of a recipient.
     *
     * @param waId            null when the partner has no usable phone
     * @param windowOpenUntil null when the customer never wrote
     * @param active          false for a partner the ERP marked inactive (a number typed by staff is active)
     */
    public record Recipient(boolean partnerKnown, String waId, boolean optedOut, boolean marketingOptOut,
                            Instant windowOpenUntil, boolean active) {

        /** An active recipient. */
        public Recipient(boolean partnerKnown, String waId, boolean optedOut, boolean marketingOptOut,
                         Instant windowOpenUntil) {
            this(partnerKnown, waId, optedOut, marketingOptOut, windowOpenUntil, true);
        }
    }

    private SendPolicy() {
    }

    /**
     * @param marketingTemplate tells whether a template is a marketing one (from the synced templates)
     * @param essential         a reply to the customer's own message: their opt-out does not stop it
     */
    public static Optional<Refusal> refusal(Recipient recipient, OutboundContent content,
                                            OutboundContent.Template fallback, boolean essential,
                                            Predicate<OutboundContent.Template> marketingTemplate, Instant now) {
        if (!recipient.partnerKnown()) {
            return Optional.of(Refusal.UNKNOWN_PARTNER);
        }
        if (!recipient.active()) {
            return Optional.of(Refusal.INACTIVE_PARTNER);
        }
        if (recipient.waId() == null) {
            return Optional.of(Refusal.NO_PHONE);
        }
        if (recipient.optedOut() && !essential) {
            return Optional.of(Refusal.OPTED_OUT);
        }
        boolean windowOpen = recipient.windowOpenUntil() != null && recipient.windowOpenUntil().isAfter(now);
        OutboundContent.Template template = content instanceof OutboundContent.Template t ? t
                : windowOpen ? null : fallback;
        if (content.isFreeForm() && !windowOpen && fallback == null) {
            return Optional.of(Refusal.WINDOW_CLOSED_WITHOUT_TEMPLATE);
        }
        if (template != null && recipient.marketingOptOut() && marketingTemplate.test(template)) {
            return Optional.of(Refusal.MARKETING_OPTED_OUT);
        }
        return Optional.empty();
    }
}
