package io.wabiz.console.web;

import io.wabiz.console.api.ConversationsApi.Conversation;
import io.wabiz.console.api.ConversationsApi.HandOff;

/**
 * "Waiting for an advisor" as the inbox row and the open conversation say it: since when, why, and by when the
 * customer was promised an answer (each null when the scenario did not give it).
 */
public record HandOffNotice(String since, String sinceIso, String reason, String answerBy) {

    /** The notice of a conversation whose customer waits for staff; null when nobody waits. */
    public static HandOffNotice of(Conversation conversation, Formats formats) {
        if (!conversation.waitingForStaff()) {
            return null;
        }
        HandOff handOff = conversation.handOff();
        if (handOff == null) {
            return new HandOffNotice(null, null, null, null);
        }
        return new HandOffNotice(handOff.requestedAt() == null ? null : formats.when(handOff.requestedAt()),
                handOff.requestedAt() == null ? null : formats.iso(handOff.requestedAt()), handOff.reason(),
                handOff.expectedAnswerBy() == null ? null : formats.when(handOff.expectedAnswerBy()));
    }
}
