package io.wabiz.conversations.history.documents;

import io.wabiz.events.whatsapp.MetaErrorHelp;

/** The help shown with a failed message: the sender's own text when it gave one, else the platform's table. */
public final class ErrorHelp {

    /** Meta: the customer stopped marketing messages from this business. */
    public static final int MARKETING_OPT_OUT = MetaErrorHelp.MARKETING_OPT_OUT;

    private ErrorHelp() {
    }

    /** The help for {@code code}: the given text first, then the platform's table, then a pointer to Meta. */
    public static String of(int code, String givenHelp, String href) {
        if (givenHelp != null && !givenHelp.isBlank()) {
            return givenHelp;
        }
        return MetaErrorHelp.known(code).orElseGet(() -> href != null && !href.isBlank() ? "See " + href
                : "See Meta's WhatsApp Cloud API error codes for code " + code + ".");
    }
}
