package io.wabiz.reminders.run;

import io.wabiz.notification.SkipReason;
import java.util.Locale;

/**
 * Why a due reminder was not sent. The partner, routing and template reasons are the platform's
 * ({@link SkipReason}, shared with the billing-notifier); the others are the reminders' own stop rules.
 */
public enum StopReason {
    PAID("the invoice is paid, in payment, or has nothing left to pay"),
    CANCELLED("the invoice is cancelled or reversed by a credit note"),
    PAYMENT_STATE_UNKNOWN("the ERP sent a payment state this service does not know; no reminder until it says more"),
    BELOW_MINIMUM_RESIDUAL("the residual is below the company's minimum for a reminder"),
    IN_DISPUTE("the customer disputes the invoice (the ERP's dispute flag)"),
    INVOICE_PAUSED("an admin paused reminders for this invoice"),
    PARTNER_PAUSED("an admin paused reminders for this partner"),
    NO_BUSINESS_NUMBER(SkipReason.NO_BUSINESS_NUMBER),
    PARTNER_UNKNOWN(SkipReason.PARTNER_UNKNOWN),
    PARTNER_INACTIVE(SkipReason.PARTNER_INACTIVE),
    OPTED_OUT(SkipReason.OPTED_OUT),
    NOT_OPTED_IN(SkipReason.NOT_OPTED_IN),
    NO_VALID_NUMBER(SkipReason.NO_VALID_NUMBER),
    NO_TEMPLATE(SkipReason.NO_TEMPLATE);

    private final String explanation;

    StopReason(String explanation) {
        this.explanation = explanation;
    }

    StopReason(SkipReason shared) {
        this(shared.explanation());
    }

    /** The reminders' reason for one of the platform's skip reasons. */
    public static StopReason of(SkipReason reason) {
        return switch (reason) {
            case NO_BUSINESS_NUMBER -> NO_BUSINESS_NUMBER;
            case PARTNER_UNKNOWN -> PARTNER_UNKNOWN;
            case PARTNER_INACTIVE -> PARTNER_INACTIVE;
            case OPTED_OUT -> OPTED_OUT;
            case NOT_OPTED_IN -> NOT_OPTED_IN;
            case NO_VALID_NUMBER -> NO_VALID_NUMBER;
            case NO_TEMPLATE -> NO_TEMPLATE;
            case DOCUMENT_STATE_CHANGED, DOCUMENT_UNKNOWN, FLOW_DISABLED ->
                    throw new IllegalArgumentException("not a partner or routing reason: " + reason);
        };
    }

    public String explanation() {
        return explanation;
    }

    /** The metric tag and API code: {@code opted_out}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
