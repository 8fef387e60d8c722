package io.wabiz.sender.graph;

import java.util.Map;
import java.util.Set;

/**
 * Meta's error codes, sorted by what the sender should do about them, each with a help text that says
 * what a person should do.
 */
public final class MetaErrors {

    public static final int RE_ENGAGEMENT = 131047;
    public static final int PAIR_RATE_LIMIT = 131056;
    public static final int ACCESS_TOKEN = 190;
    public static final int POLICY_BLOCK = 368;

    public enum Verdict {
        /** Too many calls: back off and retry. */
        THROTTLED,
        /** Meta or the network failed for a moment: retry with backoff. */
        TRANSIENT,
        /** Too many messages to this one customer: wait before the next to them. */
        PAIR_RATE_LIMITED,
        /** Retrying cannot help: report with what to do. */
        PERMANENT
    }

    private static final Set<Integer> THROTTLING = Set.of(4, 80007, 130429);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000);

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(4, "Too many calls"),
            Map.entry(80007, "Rate limit issues"),
            Map.entry(130429, "Rate limit hit"),
            Map.entry(131056, "Pair rate limit hit"),
            Map.entry(131026, "Message undeliverable"),
            Map.entry(131047, "Re-engagement message"),
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

    private MetaErrors() {
    }

    public static Verdict classify(int httpStatus, int code) {
        if (code == PAIR_RATE_LIMIT) {
            return Verdict.PAIR_RATE_LIMITED;
        }
        if (THROTTLING.contains(code) || (code == 0 && httpStatus == 429)) {
            return Verdict.THROTTLED;
        }
        if (TRANSIENT.contains(code) || (code == 0 && httpStatus >= 500)) {
            return Verdict.TRANSIENT;
        }
        return Verdict.PERMANENT;
    }

    /** The code stops the whole business number until a person acts (token, policy block). */
    public static boolean pausesAccount(int code) {
        return code == ACCESS_TOKEN || code == POLICY_BLOCK;
    }

    public static String title(int code, String fallback) {
        return TITLES.getOrDefault(code, fallback);
    }

    /** What a person should do about an error. */
    public static String helpText(int code) {
        if (code >= 132000 && code <= 132016) {
            return "Fix the template: check in WhatsApp Manager that it exists in this language, is APPROVED and "
                    + "that the command gives exactly the parameters its header, body and buttons expect; "
                    + "then send a new command.";
        }
        return switch (code) {
            case 131047 -> "More than 24 hours have passed since the customer last wrote: free-form messages are "
                    + "refused. Re-engage with an approved template (give the command a fallbackTemplate), or wait "
                    + "for the customer to write.";
            case 131026 -> "The message could not be delivered: the number may not be on WhatsApp, may use an old "
                    + "app version, or may have blocked the business. Check the number with the customer, or "
                    + "reach them another way.";
            case 131051 -> "WhatsApp does not support this message type: send one of text, interactive, document, "
                    + "image or template.";
            case 131048 -> "Too many of this number's messages were reported or blocked: slow down, send only "
                    + "messages customers expect, and check the number's quality rating in WhatsApp Manager.";
            case 131056 -> "Too many messages to this customer in a short time: space them out and send again "
                    + "later.";
            case 368 -> "Meta has temporarily blocked this business number for policy violations. Sending is "
                    + "paused for it: review the notice in WhatsApp Manager (Business Support Home), then resume "
                    + "the account (POST /accounts/{id}/resume).";
            case 190 -> "The access token is expired or invalid. Sending is paused for this number: generate a "
                    + "new system-user token with whatsapp_business_messaging permission, set it in the "
                    + "environment (SENDER_ACCOUNTS_<n>_ACCESS_TOKEN), restart or resume the account.";
            case 100 -> "Meta refused a parameter of the request: check the phone number id and API version of "
                    + "the account and the command's content (see the reason).";
            case 131008, 131009 -> "A parameter of the message is missing or invalid: check the command's "
                    + "content (see the reason) and send a corrected command.";
            case 4, 80007, 130429 -> "Meta throttled this business number: the sender backed off and retried; "
                    + "send again later or ask Meta for a higher throughput tier.";
            case 1, 2, 131000 -> "Meta failed for a moment: the sender retried; send the command again later.";
            default -> "Meta refused the message: see the reason, correct the command and send it again.";
        };
    }
}
