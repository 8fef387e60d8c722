package io.wabiz.conversations.history.store;

/** What a record did to the history. */
public enum Outcome {
    /** A message the history did not know. */
    STORED,
    /** Already known: nothing changed. */
    DUPLICATE,
    /** A status or an outcome that moved its message forward. */
    ADVANCED,
    /** A status older than what the message already shows (kept in the timeline only). */
    LATE,
    /** A status for a message not known yet: kept, and shown once the message arrives. */
    EARLY
}
