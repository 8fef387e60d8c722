package io.wabiz.odoosim.orm;

import java.util.List;

/**
 * A Python exception as Odoo's JSON-RPC layer reports it: {@code data.name} is the exception's
 * {@code module.Class}, {@code data.message} its {@code str()}, {@code data.arguments} its {@code args}.
 */
public final class OdooError extends RuntimeException {

    private final String pythonClass;
    private final List<Object> arguments;

    public OdooError(String pythonClass, String message, List<Object> arguments) {
        super(message, null, false, false);
        this.pythonClass = pythonClass;
        this.arguments = List.copyOf(arguments);
    }

    private OdooError(String pythonClass, String message) {
        this(pythonClass, message, List.of(message));
    }

    public static OdooError userError(String message) {
        return new OdooError("odoo.exceptions.UserError", message);
    }

    public static OdooError validationError(String message) {
        return new OdooError("odoo.exceptions.ValidationError", message);
    }

    public static OdooError accessError(String message) {
        return new OdooError("odoo.exceptions.AccessError", message);
    }

    /** Wrong, revoked or expired key, inactive user, login cooldown. */
    public static OdooError accessDenied(String message) {
        return new OdooError("odoo.exceptions.AccessDenied", message);
    }

    public static OdooError missingError(String message) {
        return new OdooError("odoo.exceptions.MissingError", message);
    }

    public static OdooError valueError(String message) {
        return new OdooError("builtins.ValueError", message);
    }

    public static OdooError typeError(String message) {
        return new OdooError("builtins.TypeError", message);
    }

    public static OdooError attributeError(String message) {
        return new OdooError("builtins.AttributeError", message);
    }

    public static OdooError nameError(String message) {
        return new OdooError("builtins.NameError", message);
    }

    /** {@code str(KeyError('x'))} is {@code 'x'} with the quotes, its args the bare key. */
    public static OdooError keyError(String key) {
        return new OdooError("builtins.KeyError", "'" + key + "'", List.of(key));
    }

    public static OdooError exception(String message) {
        return new OdooError("builtins.Exception", message);
    }

    public static OdooError serializationFailure() {
        return new OdooError("psycopg2.errors.SerializationFailure",
                "could not serialize access due to concurrent update\n");
    }

    public static OdooError databaseMissing(String database) {
        return new OdooError("psycopg2.OperationalError", "connection to server on socket \"/var/run/postgresql/"
                + ".s.PGSQL.5432\" failed: FATAL:  database \"" + database + "\" does not exist\n");
    }

    /** The "One of the documents you are trying to access has been deleted" refusal of buttons and writes. */
    public static OdooError recordDeleted() {
        return missingError("One of the documents you are trying to access has been deleted, please try again "
                + "after refreshing.");
    }

    public String pythonClass() {
        return pythonClass;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /**
     * The last line of the traceback as Python prints it: builtins without their module
     * ({@code ValueError: ...}), others qualified ({@code odoo.exceptions.UserError: ...}).
     */
    public String lastTracebackLine() {
        String shown = pythonClass.startsWith("builtins.") ? pythonClass.substring("builtins.".length()) : pythonClass;
        return shown + ": " + getMessage();
    }

    public String traceback() {
        return "Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 1790, in _serve_db\n"
                + "    return service_model.retrying(self._serve_ir_http, self.env)\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/service/model.py\", line 133, in retrying\n"
                + "    result = func()\n"
                + "  File \"/usr/lib/python3/dist-packages/odoo/service/model.py\", line 62, in execute_cr\n"
                + "    result = odoo.api.call_kw(recs, method, args, kw)\n"
                + lastTracebackLine() + "\n";
    }
}
