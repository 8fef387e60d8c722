package io.wabiz.notification.partners;

import io.wabiz.notification.SkipReason;
import java.util.Objects;

/** Whether a partner can get an automated message, and where; or why not. */
public sealed interface Reachability {

    /** @param waId the customer's WhatsApp id (E.164 digits) */
    record Reachable(String waId) implements Reachability {
        public Reachable {
            Objects.requireNonNull(waId, "waId");
        }
    }

    record Unreachable(SkipReason reason) implements Reachability {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default boolean reachable() {
        return this instanceof Reachable;
    }
}
