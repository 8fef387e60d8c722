package io.wabiz.odoo.health;

/** The connector is paused: the work waits (a command stays unacknowledged) until it is resumed. */
public final class PausedException extends RuntimeException {

    public PausedException(ConnectorState.Pause pause) {
        super("the connector is paused since " + pause.since() + ": " + pause.reason() + " (" + pause.fault() + ")");
    }
}
