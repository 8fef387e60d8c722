package io.wabiz.events.whatsapp;

import java.util.Map;
import java.util.Optional;

/**
 * Meta's WhatsApp error codes in words: a short title and what a person should do. One table for the
 * whole platform, so the sender's rejections and the history's failed statuses give the same advice.
 */
public final class MetaErrorHelp {

    /** The customer stopped marketing messages from this business. */
    public static final int MARKETING_OPT_OUT = 131050;

    private static final String FIX_TEMPLATE = "Fix the template: check in WhatsApp Manager that it exists in this"
            + " language, is APPROVED and that the command gives exactly the parameters its header, body and buttons"
            + " expect; then send a new command.";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(4, "Too many calls"),
            Map.entry(80007, "Rate limit issues"),
            Map.entry(130429, "Rate limit hit"),
            Map.entry(131056, "Pair rate limit hit"),
            Map.entry(131026, "Message undeliverable"),
            Map.entry(131047, "Re-engagement message"),
            Map.entry(131050, "User has stopped marketing messages"),
            Map.entry(131051, "Unsupported message type"),
            Map.entry(131048, "Spam rate limit hit"),
            Map.entry(131008, "Required parameter is missing"),
            Map.entry(131009, "Parameter value is not valid"),
            Map.entry(131053, "Media upload error"),
            Map.entry(132000, "Template param count mismatch"),
            Map.entry(132001, "Template does not exist"),
            Map.entry(132005, "Template hydrated text too long"),
            Map.entry(132007, "Template format character policy violated"),
            Map.entry(132012, "Template parameter format mismatch"),
            Map.entry(132015, "Template is paused"),
            Map.entry(132016, "Template is disabled"),
            Map.entry(368, "Temporarily blocked for policies violations"),
            Map.entry(190, "Access token has expired or is invalid"),
            Map.entry(100, "Invalid parameter"),
            Map.entry(1, "API unknown"),
            Map.entry(2, "API service temporarily unavailable"),
            Map.entry(131000, "Something went wrong"));

    private static final Map<Integer, String> HELP = Map.ofEntries(
            Map.entry(131047, "More than 24 hours have passed since the customer last wrote: free-form messages are"
                    + " refused. Re-engage with an approved template (give the command a fallbackTemplate), or wait"
                    + " for the customer to write."),
            Map.entry(131026, "The message could not be delivered: the number may not be on WhatsApp, may use an old"
                    + " app version, or may have blocked the business. Check the number with the customer, or reach"
                    + " them another way."),
            Map.entry(131050, "The customer stopped marketing messages from this business: send only utility or"
                    + " service messages."),
            Map.entry(131049, "Meta limited marketing messages to this customer to keep engagement healthy: try"
                    + " again later, or use another channel."),
            Map.entry(131021, "The recipient is the business number itself: check the customer's phone number."),
            Map.entry(131051, "WhatsApp does not support this message type: send one of text, interactive, document,"
                    + " image or template."),
            Map.entry(131052, "Meta could not download the media: check the link or upload it again."),
            Map.entry(131053, "The media could not be uploaded: check its type and size."),
            Map.entry(131048, "Too many of this number's messages were reported or blocked: slow down, send only"
                    + " messages customers expect, and check the number's quality rating in WhatsApp Manager."),
            Map.entry(131056, "Too many messages to this customer in a short time: space them out and send again"
                    + " later."),
            Map.entry(368, "Meta has temporarily blocked this business number for policy violations. Sending is"
                    + " paused for it: review the notice in WhatsApp Manager (Business Support Home), then resume the"
                    + " account (POST /accounts/{id}/resume on the outbound sender)."),
            Map.entry(190, "The access token is expired or invalid. Sending is paused for this number: generate a new"
                    + " system-user token with whatsapp_business_messaging permission, set it in the environment"
                    + " (SENDER_ACCOUNTS_<n>_ACCESS_TOKEN), restart or resume the account."),
            Map.entry(133010, "The business number is not registered with the Cloud API: register it in WhatsApp"
                    + " Manager."),
            Map.entry(100, "Meta refused a parameter of the request: check the phone number id and API version of the"
                    + " account and the command's content (see the reason)."),
            Map.entry(131008, "A parameter of the message is missing: check the command's content (see the reason)"
                    + " and send a corrected command."),
            Map.entry(131009, "A parameter of the message is invalid: check the command's content (see the reason)"
                    + " and send a corrected command."),
            Map.entry(4, throttled()),
            Map.entry(80007, throttled()),
            Map.entry(130429, throttled()),
            Map.entry(1, transientFailure()),
            Map.entry(2, transientFailure()),
            Map.entry(131000, transientFailure()));

    private MetaErrorHelp() {
    }

    /** Meta's title for {@code code}, or {@code fallback} for codes not in the table. */
    public static String title(int code, String fallback) {
        return TITLES.getOrDefault(code, fallback);
    }

    /** What to do about {@code code}, when the platform knows this code. */
    public static Optional<String> known(int code) {
        if (code >= 132000 && code <= 132016) {
            return Optional.of(FIX_TEMPLATE);
        }
        return Optional.ofNullable(HELP.get(code));
    }

    /** What to do about {@code code}, with a general advice for codes not in the table. */
    public static String helpText(int code) {
        return known(code).orElse("Meta refused the message: see the reason, correct the command and send it again.");
    }

    private static String throttled() {
        return "Meta throttled this business number: the sender backed off and retried; send again later or ask"
                + " Meta for a higher throughput tier.";
    }

    private static String transientFailure() {
        return "Meta failed for a moment: the sender retried; send the command again later.";
    }
}
