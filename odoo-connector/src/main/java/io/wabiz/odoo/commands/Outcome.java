package io.wabiz.odoo.commands;

/** What applying one command came to (for logs, metrics and tests). */
public record Outcome(AppliedCommand.Status status, String detail) {

    static Outcome applied(String detail) {
        return new Outcome(AppliedCommand.Status.APPLIED, detail);
    }

    static Outcome refused(String detail) {
        return new Outcome(AppliedCommand.Status.REFUSED, detail);
    }
}
