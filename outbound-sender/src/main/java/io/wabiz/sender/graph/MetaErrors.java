package io.wabiz.sender.graph;

import java.util.Set;

/**
 * Meta's error codes, sorted by what the sender should do about them. What a person should do about
 * each is in {@link io.wabiz.events.whatsapp.MetaErrorHelp}.
 */
public final class MetaErrors {

    public static final int RE_ENGAGEMENT = 131047;
    public static final int PAIR_RATE_LIMIT = 131056;
    public static final int ACCESS_TOKEN = 190;
    public static final int POLICY_BLOCK = 368;

    public enum Verdict {
        /** Too many calls: back off and retry. */
        THROTTLED,
        /** Meta or the network failed for a moment: retry with backoff. */
        TRANSIENT,
        /** Too many messages to this one customer: wait before the next to them. */
        PAIR_RATE_LIMITED,
        /** Retrying cannot help: report with what to do. */
        PERMANENT,
        /**
         * The request may have reached Meta and no answer came: never retried (it could duplicate the
         * message); the status webhook carrying its idempotency key tells later.
         */
        OUTCOME_UNKNOWN
    }

    private static final Set<Integer> THROTTLING = Set.of(4, 80007, 130429);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000);

    private MetaErrors() {
    }

    public static Verdict classify(int httpStatus, int code) {
        if (code == PAIR_RATE_LIMIT) {
            return Verdict.PAIR_RATE_LIMITED;
        }
        if (THROTTLING.contains(code) || (code == 0 && httpStatus == 429)) {
            return Verdict.THROTTLED;
        }
        if (TRANSIENT.contains(code) || (code == 0 && httpStatus >= 500)) {
            return Verdict.TRANSIENT;
        }
        return Verdict.PERMANENT;
    }

    /** The code stops the whole business number until a person acts (token, policy block). */
    public static boolean pausesAccount(int code) {
        return code == ACCESS_TOKEN || code == POLICY_BLOCK;
    }
}
