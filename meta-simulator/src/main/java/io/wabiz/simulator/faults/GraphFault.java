package io.wabiz.simulator.faults;

import java.time.Duration;
import java.util.List;

/**
 * A failure the simulator plays on {@code POST /{v}/{phone-number-id}/messages}, for rehearsals of an unreliable
 * Meta (the chaos bench): while it is in force, each send meets it.
 *
 * @param kind      what happens
 * @param delay     for {@link Kind#STALL}: how long the answer waits after the message was accepted
 * @param remaining how many sends it hits before it clears itself; null: until cleared
 */
public record GraphFault(Kind kind, Duration delay, Integer remaining) {

    public enum Kind {
        /** HTTP 429, code 130429 "Rate limit hit": nothing sent (Meta's throughput limit) */
        THROTTLE,
        /** HTTP 500, code 2 "Service temporarily unavailable": nothing sent */
        SERVER_ERROR,
        /**
         * the message is accepted (it reaches the customer, its statuses follow) and the answer comes only after
         * {@code delay}, past the caller's timeout: the call's outcome is unknown to the caller
         */
        STALL
    }

    public GraphFault {
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind: " + List.of(Kind.values()));
        }
        delay = delay == null ? Duration.ofSeconds(30) : delay;
        if (remaining != null && remaining < 1) {
            throw new IllegalArgumentException("remaining must be at least 1 (or absent: until cleared)");
        }
    }
}
