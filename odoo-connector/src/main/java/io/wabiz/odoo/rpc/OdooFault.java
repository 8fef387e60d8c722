package io.wabiz.odoo.rpc;

/**
 * Odoo answered with a JSON-RPC error: the server-side exception's class ({@code data.name}) and its message, with
 * what the connector does about it.
 */
public final class OdooFault extends RuntimeException {

    /** What a fault means for the connector (see the reference's classification table). */
    public enum Kind {
        /** wrong, revoked or expired API key, inactive user, login cooldown: pause, alert, do not hammer */
        AUTHENTICATION,
        /** a right or a record rule refused the call, or a company not allowed: pause, alert (configuration) */
        AUTHORIZATION,
        /** a business refusal (wrong state, constraint): never retried blindly */
        REFUSED,
        /** the record was deleted */
        MISSING,
        /** a database concurrency error left after Odoo's own retries, or a worker restart: retried */
        TRANSIENT,
        /** Python's own errors (unknown field, wrong arguments): a bug or a version mismatch */
        INCOMPATIBLE
    }

    private final String name;
    private final Kind kind;
    private final String model;
    private final String method;

    public OdooFault(String name, String message, String model, String method) {
        super(message, null, false, false);
        this.name = name;
        this.kind = classify(name);
        this.model = model;
        this.method = method;
    }

    static Kind classify(String name) {
        if (name == null) {
            return Kind.INCOMPATIBLE;
        }
        return switch (name) {
            case "odoo.exceptions.AccessDenied" -> Kind.AUTHENTICATION;
            case "odoo.exceptions.AccessError" -> Kind.AUTHORIZATION;
            case "odoo.exceptions.MissingError" -> Kind.MISSING;
            case "odoo.exceptions.UserError", "odoo.exceptions.ValidationError", "odoo.exceptions.RedirectWarning",
                 "odoo.exceptions.except_orm", "odoo.exceptions.Warning" -> Kind.REFUSED;
            case "odoo.http.SessionExpiredException", "werkzeug.exceptions.ServiceUnavailable" -> Kind.TRANSIENT;
            default -> name.startsWith("psycopg2.") ? Kind.TRANSIENT : Kind.INCOMPATIBLE;
        };
    }

    /** {@code data.name}, such as {@code odoo.exceptions.UserError}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The call that failed, such as {@code sale.order.action_confirm}. */
    public String call() {
        return model == null ? method : model + "." + method;
    }

    /** For logs and dead letters: Odoo's own words with the exception and the call. */
    public String describe() {
        return name + " on " + call() + ": " + getMessage();
    }
}
