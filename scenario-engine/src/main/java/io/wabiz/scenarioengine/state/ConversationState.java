package io.wabiz.scenarioengine.state;

import java.time.Instant;

/**
 * Where one conversation stands in the engine, until it expires: the scenario whose message the customer was last
 * sent (and its version), the language they are answered in, and an "are you sure?" question awaiting an answer.
 * An expired state counts as none: an old menu tapped tomorrow restarts cleanly.
 *
 * @param scenario       the open scenario, or null
 * @param cancelQuestion the order the customer was asked to confirm cancelling, or null
 */
public record ConversationState(String conversationKey, String language, OpenScenario scenario,
                                CancelQuestion cancelQuestion, Instant updatedAt) {

    public record OpenScenario(String scenarioId, int version, Instant expiresAt) {
        public boolean activeAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    public record CancelQuestion(String orderId, String orderVersion, Instant expiresAt) {
        public boolean activeAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    public static ConversationState empty(String conversationKey, Instant now) {
        return new ConversationState(conversationKey, null, null, null, now);
    }

    public OpenScenario activeScenario(Instant now) {
        return scenario != null && scenario.activeAt(now) ? scenario : null;
    }

    public CancelQuestion activeCancelQuestion(Instant now) {
        return cancelQuestion != null && cancelQuestion.activeAt(now) ? cancelQuestion : null;
    }

    public ConversationState withLanguage(String newLanguage, Instant now) {
        return new ConversationState(conversationKey, newLanguage, scenario, cancelQuestion, now);
    }

    public ConversationState withScenario(OpenScenario newScenario, Instant now) {
        return new ConversationState(conversationKey, language, newScenario, cancelQuestion, now);
    }

    public ConversationState withCancelQuestion(CancelQuestion question, Instant now) {
        return new ConversationState(conversationKey, language, scenario, question, now);
    }

    /** The latest moment anything in this state still counts; the store forgets the state after it. */
    public Instant expiresAt() {
        Instant latest = updatedAt;
        if (scenario != null && scenario.expiresAt().isAfter(latest)) {
            latest = scenario.expiresAt();
        }
        if (cancelQuestion != null && cancelQuestion.expiresAt().isAfter(latest)) {
            latest = cancelQuestion.expiresAt();
        }
        return latest;
    }
}
