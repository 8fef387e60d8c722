package io.wabiz.reminders.cadence;

/** What a dunning level's template carries beside its text, as Odoo's follow-up levels do. */
public enum Attachment {
    /** A button (or a link in the text) to the invoice's stable payment page {@code /pay/{token}}. */
    PAYMENT_LINK,
    /** The invoice's PDF as the template's document header, by the notifier's signed document link. */
    INVOICE_DOCUMENT,
    /** The text only. */
    NONE
}
