package io.wabiz.simulator.graph;

/** A Graph API call Meta would refuse, with the code, title and details Meta answers with. */
public final class MetaRejection extends RuntimeException {

    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final String type;
    private final String title;
    private final String details;

    private MetaRejection(int httpStatus, int code, Integer subcode, String type, String title, String details) {
        super("(#" + code + ") " + title + (details == null ? "" : ": " + details));
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.title = title;
        this.details = details;
    }

    public static MetaRejection invalidAccessToken() {
        return new MetaRejection(401, 190, null, "OAuthException",
                "Invalid OAuth access token - Cannot parse access token", null);
    }

    public static MetaRejection unknownObject(String id) {
        return new MetaRejection(400, 100, 33, "GraphMethodException",
                "Unsupported request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing "
                        + "permissions, or does not support this operation. Please read the Graph API documentation "
                        + "at https://developers.facebook.com/docs/graph-api", null);
    }

    public static MetaRejection invalidParameter(String details) {
        return new MetaRejection(400, 100, null, "OAuthException", "Invalid parameter", details);
    }

    public static MetaRejection parameterValueNotValid(String details) {
        return new MetaRejection(400, 131009, null, "OAuthException", "Parameter value is not valid", details);
    }

    public static MetaRejection templateDoesNotExist(String details) {
        return new MetaRejection(400, 132001, null, "OAuthException",
                "Template name does not exist in the translation", details);
    }

    public static MetaRejection templateParameterCountMismatch(String details) {
        return new MetaRejection(400, 132000, null, "OAuthException",
                "Number of parameters does not match the expected number of params", details);
    }

    public static MetaRejection reEngagement() {
        return new MetaRejection(400, 131047, null, "OAuthException", "Re-engagement message", REENGAGEMENT_DETAILS);
    }

    public static MetaRejection rateLimitHit(int messagesPerSecond) {
        return new MetaRejection(429, 130429, null, "OAuthException", "Rate limit hit",
                "Cloud API message throughput (" + messagesPerSecond + " messages per second) has been reached.");
    }

    /** Meta's throughput limit when the number's rate is not what was exceeded (a rehearsed throttling phase). */
    public static MetaRejection throttled() {
        return new MetaRejection(429, 130429, null, "OAuthException", "Rate limit hit",
                "Cloud API message throughput has been reached.");
    }

    /** Meta's transient server error (code 2), answered with HTTP 500 when its service is down for a moment. */
    public static MetaRejection temporarilyUnavailable() {
        return new MetaRejection(500, 2, null, "OAuthException", "Service temporarily unavailable", null);
    }

    public static final String REENGAGEMENT_DETAILS = "Message failed to send because more than 24 hours have "
            + "passed since the customer last replied to this number.";

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public Integer subcode() {
        return subcode;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String details() {
        return details;
    }

    /** Meta prefixes the code to the title in {@code error.message}, except for token and object errors. */
    public String metaMessage() {
        return code == 190 || subcode != null ? title : "(#" + code + ") " + title;
    }
}
