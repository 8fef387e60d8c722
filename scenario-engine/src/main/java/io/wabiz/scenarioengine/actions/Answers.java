package io.wabiz.scenarioengine.actions;

import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.outbound.WhatsAppLimits;
import io.wabiz.scenarioengine.texts.Placeholder.Scope;
import io.wabiz.scenarioengine.texts.TextTemplate;
import io.wabiz.scenarioengine.texts.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's own answers, in every language (shipped as {@code defaults/answers.json}): polite refusals of stale
 * taps naming the document's state, unknown documents and buttons, expired menus, and the words the engine's lists
 * and buttons use. Checked at startup like a saved definition: a shipped text that breaks a limit stops the service.
 */
public record Answers(Texts orderAlreadyConfirmed, Texts orderAlreadyCancelled, Texts orderNoLongerAwaiting,
                      Texts orderChanged, Texts orderPending, Texts unknownOrder, Texts unknownInvoice,
                      Texts invoiceAlreadyPaid, Texts invoiceCancelled, Texts unknownButton, Texts menuExpired,
                      Texts menuUnavailable, Texts cancelQuestionExpired, Texts orderSummary, Texts invoiceSummary,
                      Texts orderRow, Texts invoiceRow, Texts confirmTitle, Texts cancelTitle, Texts detailsTitle,
                      Texts stateQuotation, Texts stateConfirmed, Texts stateLocked, Texts stateCancelled,
                      Texts stateUnknown, Texts today, Texts tomorrow, Texts at) {

    public Texts stateName(SalesOrderState state) {
        return switch (state) {
            case QUOTATION, QUOTATION_SENT -> stateQuotation;
            case CONFIRMED -> stateConfirmed;
            case LOCKED -> stateLocked;
            case CANCELLED -> stateCancelled;
            case UNKNOWN -> stateUnknown;
        };
    }

    /** Every problem of the shipped answers: missing languages, unknown placeholders, texts over WhatsApp's limits. */
    public List<String> problems(List<String> languages) {
        List<String> problems = new ArrayList<>();
        Map<String, Object[]> checks = new java.util.LinkedHashMap<>();
        checks.put("orderAlreadyConfirmed", new Object[] {orderAlreadyConfirmed, Scope.ORDER, WhatsAppLimits.TEXT_BODY});
        checks.put("orderAlreadyCancelled", new Object[] {orderAlreadyCancelled, Scope.ORDER, WhatsAppLimits.TEXT_BODY});
        checks.put("orderNoLongerAwaiting", new Object[] {orderNoLongerAwaiting, Scope.ORDER, WhatsAppLimits.TEXT_BODY});
        checks.put("orderChanged", new Object[] {orderChanged, Scope.ORDER, WhatsAppLimits.INTERACTIVE_BODY});
        checks.put("orderPending", new Object[] {orderPending, Scope.ORDER, WhatsAppLimits.TEXT_BODY});
        checks.put("unknownOrder", new Object[] {unknownOrder, Scope.GENERAL, WhatsAppLimits.TEXT_BODY});
        checks.put("unknownInvoice", new Object[] {unknownInvoice, Scope.GENERAL, WhatsAppLimits.TEXT_BODY});
        checks.put("invoiceAlreadyPaid", new Object[] {invoiceAlreadyPaid, Scope.INVOICE, WhatsAppLimits.TEXT_BODY});
        checks.put("invoiceCancelled", new Object[] {invoiceCancelled, Scope.INVOICE, WhatsAppLimits.TEXT_BODY});
        checks.put("unknownButton", new Object[] {unknownButton, Scope.GENERAL, WhatsAppLimits.TEXT_BODY});
        checks.put("menuExpired", new Object[] {menuExpired, Scope.GENERAL, WhatsAppLimits.TEXT_BODY});
        checks.put("menuUnavailable", new Object[] {menuUnavailable, Scope.GENERAL, WhatsAppLimits.TEXT_BODY});
        checks.put("cancelQuestionExpired", new Object[] {cancelQuestionExpired, Scope.ORDER, WhatsAppLimits.TEXT_BODY});
        checks.put("orderSummary", new Object[] {orderSummary, Scope.ORDER, WhatsAppLimits.INTERACTIVE_BODY});
        checks.put("invoiceSummary", new Object[] {invoiceSummary, Scope.INVOICE, WhatsAppLimits.INTERACTIVE_BODY});
        checks.put("orderRow", new Object[] {orderRow, Scope.ORDER, WhatsAppLimits.LIST_ROW_DESCRIPTION});
        checks.put("invoiceRow", new Object[] {invoiceRow, Scope.INVOICE, WhatsAppLimits.LIST_ROW_DESCRIPTION});
        checks.put("confirmTitle", new Object[] {confirmTitle, Scope.GENERAL, WhatsAppLimits.BUTTON_TITLE});
        checks.put("cancelTitle", new Object[] {cancelTitle, Scope.GENERAL, WhatsAppLimits.BUTTON_TITLE});
        checks.put("detailsTitle", new Object[] {detailsTitle, Scope.GENERAL, WhatsAppLimits.BUTTON_TITLE});
        checks.put("stateQuotation", new Object[] {stateQuotation, Scope.GENERAL, 40});
        checks.put("stateConfirmed", new Object[] {stateConfirmed, Scope.GENERAL, 40});
        checks.put("stateLocked", new Object[] {stateLocked, Scope.GENERAL, 40});
        checks.put("stateCancelled", new Object[] {stateCancelled, Scope.GENERAL, 40});
        checks.put("stateUnknown", new Object[] {stateUnknown, Scope.GENERAL, 40});
        checks.put("today", new Object[] {today, Scope.GENERAL, 20});
        checks.put("tomorrow", new Object[] {tomorrow, Scope.GENERAL, 20});
        checks.put("at", new Object[] {at, Scope.GENERAL, 10});
        checks.forEach((name, check) -> {
            Texts texts = (Texts) check[0];
            if (texts == null) {
                problems.add(name + ": missing");
                return;
            }
            for (String language : languages) {
                String text = texts.byLanguage().get(language);
                if (text == null) {
                    problems.add(name + ": no '" + language + "' text");
                    continue;
                }
                try {
                    String longest = TextTemplate.parse(text, (Scope) check[1]).longest();
                    if (longest.codePointCount(0, longest.length()) > (int) check[2]) {
                        problems.add(name + "." + language + ": up to " + longest.length() + " characters; at most "
                                + check[2]);
                    }
                } catch (TextTemplate.InvalidText e) {
                    problems.add(name + "." + language + ": " + e.getMessage());
                }
            }
        });
        return problems;
    }
}
