package io.wabiz.sender.accounts;

import io.wabiz.sender.graph.GraphAccount;

/** One business phone number the sender may send from. The token never appears in {@link #toString()}. */
public record Account(String phoneNumberId, String wabaId, String accessToken, String apiVersion,
                      int messagesPerSecond) implements GraphAccount {

    public static final int MAX_MESSAGES_PER_SECOND = 1000;

    public Account {
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            throw new IllegalArgumentException("sender.accounts[].phone-number-id is required");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("no access token for business number " + phoneNumberId
                    + ": set it in the environment (SENDER_ACCOUNTS_<n>_ACCESS_TOKEN)");
        }
        if (messagesPerSecond < 1 || messagesPerSecond > MAX_MESSAGES_PER_SECOND) {
            throw new IllegalArgumentException("messages-per-second of " + phoneNumberId + " must be 1 to "
                    + MAX_MESSAGES_PER_SECOND + ", not " + messagesPerSecond);
        }
    }

    @Override
    public String toString() {
        return "Account[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + ", apiVersion=" + apiVersion
                + ", messagesPerSecond=" + messagesPerSecond + "]";
    }
}
