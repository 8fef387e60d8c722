package io.wabiz.scenarioengine.actions;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.wabiz.scenarioengine.texts.Texts;

/**
 * What a tap or a keyword makes the engine do: a closed, typed set, stored as data and checked when it is saved.
 * There is no action that runs stored code or evaluates an expression; {@link ActionRunner} runs each with one
 * exhaustive switch. Texts are templates with named placeholders in several languages.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Action.Reply.class, name = "reply"),
        @JsonSubTypes.Type(value = Action.ConfirmOrder.class, name = "confirm_order"),
        @JsonSubTypes.Type(value = Action.CancelOrder.class, name = "cancel_order"),
        @JsonSubTypes.Type(value = Action.SendOrderDetails.class, name = "send_order_details"),
        @JsonSubTypes.Type(value = Action.SendInvoiceDetails.class, name = "send_invoice_details"),
        @JsonSubTypes.Type(value = Action.ResendInvoicePdf.class, name = "resend_invoice_pdf"),
        @JsonSubTypes.Type(value = Action.ListOrders.class, name = "list_orders"),
        @JsonSubTypes.Type(value = Action.ListInvoices.class, name = "list_invoices"),
        @JsonSubTypes.Type(value = Action.OpenScenario.class, name = "open_scenario"),
        @JsonSubTypes.Type(value = Action.HandOff.class, name = "hand_off"),
        @JsonSubTypes.Type(value = Action.RecordOnly.class, name = "record_only")
})
public sealed interface Action {

    /** The ERP document the action works on, taken from the tapped button's id; {@code NONE} for the others. */
    enum Subject { NONE, ORDER, INVOICE }

    default Subject subject() {
        return Subject.NONE;
    }

    /** The metric and log name of the action. */
    default String name() {
        return switch (this) {
            case Reply r -> "reply";
            case ConfirmOrder c -> "confirm_order";
            case CancelOrder c -> "cancel_order";
            case SendOrderDetails s -> "send_order_details";
            case SendInvoiceDetails s -> "send_invoice_details";
            case ResendInvoicePdf r -> "resend_invoice_pdf";
            case ListOrders l -> "list_orders";
            case ListInvoices l -> "list_invoices";
            case OpenScenario o -> "open_scenario";
            case HandOff h -> "hand_off";
            case RecordOnly r -> "record_only";
        };
    }

    /** Reply with a text, or with a text and one link button (WhatsApp's call-to-action message). */
    record Reply(Texts text, Texts linkTitle, String linkUrl) implements Action {
    }

    /** Ask the ERP to confirm the order, then acknowledge, quoting the tap. */
    record ConfirmOrder(Texts acknowledgement) implements Action {
        @Override
        public Subject subject() {
            return Subject.ORDER;
        }
    }

    /**
     * Ask the ERP to cancel the order, then acknowledge. With a {@code question}, the customer is first asked
     * "are you sure?" and the order is cancelled only when they tap yes before the question expires.
     */
    record CancelOrder(Texts acknowledgement, CancelQuestion question) implements Action {
        @Override
        public Subject subject() {
            return Subject.ORDER;
        }
    }

    /**
     * @param body       the question ({@code {orderNumber}}, {@code {orderTotal}} available)
     * @param yesTitle   the title of the button that cancels
     * @param noTitle    the title of the button that keeps the order
     * @param keptAnswer the answer to "no"
     */
    record CancelQuestion(Texts body, Texts yesTitle, Texts noTitle, Texts keptAnswer) {
    }

    /** Ask the billing notifier to send the order's lines, totals and PDF link; an optional short answer first. */
    record SendOrderDetails(Texts acknowledgement) implements Action {
        @Override
        public Subject subject() {
            return Subject.ORDER;
        }
    }

    /**
     * Ask the billing notifier to send the invoice's details with its payment links; a {@code pay:{provider}}
     * button asks for that provider's link.
     */
    record SendInvoiceDetails(Texts acknowledgement) implements Action {
        @Override
        public Subject subject() {
            return Subject.INVOICE;
        }
    }

    /** Ask the billing notifier to send the invoice's PDF again. */
    record ResendInvoicePdf(Texts acknowledgement) implements Action {
        @Override
        public Subject subject() {
            return Subject.INVOICE;
        }
    }

    /** List the customer's open orders from the engine's projection (buttons for one, a list for several). */
    record ListOrders(Texts body, Texts empty, Texts listButton) implements Action {
    }

    /** List the customer's open invoices with their residual (pay buttons for one, a list for several). */
    record ListInvoices(Texts body, Texts empty, Texts listButton) implements Action {
    }

    /** Send another scenario's opening message; the conversation is then in that scenario. */
    record OpenScenario(String scenario) implements Action {
    }

    /**
     * Hand the conversation to a person: conversation-service marks it for staff, and the customer is told when
     * someone will answer ({@code duringHours} with {@code {expectedWithin}}, {@code outsideHours} with
     * {@code {nextOpening}}).
     */
    record HandOff(Texts duringHours, Texts outsideHours, String reason) implements Action {
    }

    /** Do nothing but record the tap (counted and logged under {@code note}). */
    record RecordOnly(String note) implements Action {
    }
}
