package io.wabiz.conversations.history;

import java.util.Map;

/**
 * What a person should do about a WhatsApp error code, in plain words, for the codes staff meet most.
 * The sender's own help text, when an outcome carries one, wins over this table.
 */
public final class ErrorHelp {

    /** Meta: the customer stopped marketing messages from this business. */
    public static final int MARKETING_OPT_OUT = 131050;

    private static final Map<Integer, String> HELP = Map.ofEntries(
            Map.entry(131047, "More than 24 hours passed since the customer last wrote: send an approved template"
                    + " to re-open the conversation."),
            Map.entry(131050, "The customer stopped marketing messages from this business: send only utility or"
                    + " service messages."),
            Map.entry(131026, "The message could not be delivered: the number may not use WhatsApp, or the customer"
                    + " has not accepted the latest terms. Check the number or reach the customer another way."),
            Map.entry(131049, "Meta limited marketing messages to this customer to keep engagement healthy:"
                    + " try again later, or use another channel."),
            Map.entry(131021, "The recipient is the business number itself: check the customer's phone number."),
            Map.entry(131051, "This message type is not supported: send text, a document or a template instead."),
            Map.entry(131052, "The media could not be downloaded by Meta: check the link or upload it again."),
            Map.entry(131053, "The media could not be uploaded: check its type and size."),
            Map.entry(131056, "Too many messages to this customer in a short time: wait a little before sending again."),
            Map.entry(130429, "The business number sends faster than its throughput allows: the sender retries later."),
            Map.entry(131048, "The number is limited for spam: reduce volume and improve message quality."),
            Map.entry(132000, "The template parameters do not match the template: check their number."),
            Map.entry(132001, "The template does not exist in this language, or is not approved yet."),
            Map.entry(132015, "The template is paused for low quality: edit it or use another."),
            Map.entry(132016, "The template is disabled: use another template."),
            Map.entry(133010, "The business number is not registered with the Cloud API."),
            Map.entry(190, "The access token expired or was revoked: an administrator must renew it."),
            Map.entry(131000, "Something went wrong at Meta: sending again later may work."));

    private ErrorHelp() {
    }

    /** The help for {@code code}: the given text first, then the table, then a generic pointer. */
    public static String of(int code, String givenHelp, String href) {
        if (givenHelp != null && !givenHelp.isBlank()) {
            return givenHelp;
        }
        String known = HELP.get(code);
        if (known != null) {
            return known;
        }
        return href != null && !href.isBlank() ? "See " + href
                : "See Meta's WhatsApp Cloud API error codes for code " + code + ".";
    }
}
