package io.wabiz.scenarioengine.taps;

/** How a tap ended, for metrics, logs and the dry run. */
public enum TapOutcome {
    /** The actions ran (an ERP command, a request to the notifier, a hand-off, a reply). */
    DONE,
    /** The order or invoice is no longer where the tapped message left it: a polite answer, no command. */
    STALE,
    /** Another tap on the same order is already with the ERP: answered, no second command. */
    PENDING,
    /** The tapped document is unknown to the engine: a clear answer and a log line. */
    UNKNOWN_DOCUMENT,
    /** A platform button id no binding answers. */
    UNKNOWN_BUTTON,
    /** A tap on a menu that expired or changed: the menu is sent again. */
    RESTARTED,
    /** A text that is no keyword, or content the engine does not act on: nothing sent. */
    IGNORED,
    /** The same tap again (Meta's or Kafka's redelivery): nothing done twice. */
    DUPLICATE
}
