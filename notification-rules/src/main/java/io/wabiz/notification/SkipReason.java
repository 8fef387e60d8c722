package io.wabiz.notification;

import java.util.Locale;

/**
 * Why an automated notification was not sent. A skip is recorded under the notification's idempotency key
 * and counted by reason; nothing is half-sent.
 */
public enum SkipReason {
    FLOW_DISABLED("this notification is switched off for the document's company"),
    NO_BUSINESS_NUMBER("no business phone number is configured for the document's company (and there is no default)"),
    PARTNER_UNKNOWN("the ERP has not published this partner (yet)"),
    PARTNER_INACTIVE("the partner is archived (inactive) in the ERP"),
    OPTED_OUT("the partner opted out of WhatsApp messages"),
    NOT_OPTED_IN("the partner has not opted in to WhatsApp messages, and this company requires an opt-in"),
    NO_VALID_NUMBER("none of the partner's phone numbers is a valid number (mobile first, then phone)"),
    DOCUMENT_STATE_CHANGED("the document's state no longer matches (order already confirmed or cancelled, invoice"
            + " paid)"),
    DOCUMENT_UNKNOWN("the ERP has not published this document (yet)"),
    NO_TEMPLATE("no fallback template is configured for this notification and language");

    private final String explanation;

    SkipReason(String explanation) {
        this.explanation = explanation;
    }

    /** What a person reads in the API: why nothing was sent. */
    public String explanation() {
        return explanation;
    }

    /** The metric tag and API code: {@code opted_out}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
