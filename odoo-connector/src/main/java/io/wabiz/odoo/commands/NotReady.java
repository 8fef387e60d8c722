package io.wabiz.odoo.commands;

/**
 * A command cannot be applied now (Odoo unreachable, a transient database error, the connector paused): it stays
 * unacknowledged and is delivered again after a backoff, for as long as it takes.
 */
public final class NotReady extends RuntimeException {

    public NotReady(String message, Throwable cause) {
        super(message, cause);
    }
}
