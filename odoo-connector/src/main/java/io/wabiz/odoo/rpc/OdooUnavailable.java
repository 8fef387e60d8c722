package io.wabiz.odoo.rpc;

/**
 * Odoo could not be asked: the connection failed or timed out, a proxy answered instead (502, 503, 504), or the
 * answer was not JSON-RPC. Whether a call that timed out ran is unknown: callers read again before acting.
 */
public final class OdooUnavailable extends RuntimeException {

    public OdooUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
