package io.wabiz.sender.send;

import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import java.util.Optional;

/**
 * One delivery's IN_FLIGHT mark in the ledger, written once the send's turn came, the write its number's window
 * waits for is known and its connection is open, just before the first request leaves: only the window's own
 * time comes between them ({@link SlidingWindowRateLimiter}). So a crash (kill -9) leaves in doubt only the calls
 * that may have reached Meta or were about to, never the ones still queued for their turn or their connection.
 * Written at most once per delivery; a switch to the fallback template after Meta's 131047 is added to it.
 */
final class InFlightMark {

    private final SendLedger ledger;
    private final SendMessage command;
    private SendForm marked;

    InFlightMark(SendLedger ledger, SendMessage command) {
        this.ledger = ledger;
        this.command = command;
    }

    /**
     * @throws AlreadyHandled when another delivery of the key got there first: this one must not call Meta
     */
    void beforeRequest(SendForm form) {
        if (marked == null) {
            Optional<SendLedger.Earlier> earlier = ledger.begin(command, form);
            if (earlier.isPresent()) {
                throw new AlreadyHandled(earlier.get());
            }
            marked = form;
        } else if (form == SendForm.FALLBACK_TEMPLATE && marked != SendForm.FALLBACK_TEMPLATE) {
            ledger.sendingFallback(command.idempotencyKey());
            marked = form;
        }
    }

    /** Whether the ledger has this delivery IN_FLIGHT. */
    boolean written() {
        return marked != null;
    }

    /** Another delivery of the same key recorded it first, with what it left. */
    static final class AlreadyHandled extends RuntimeException {
        private final transient SendLedger.Earlier earlier;

        AlreadyHandled(SendLedger.Earlier earlier) {
            super("another delivery of this idempotency key recorded it first", null, false, false);
            this.earlier = earlier;
        }

        SendLedger.Earlier earlier() {
            return earlier;
        }
    }
}
