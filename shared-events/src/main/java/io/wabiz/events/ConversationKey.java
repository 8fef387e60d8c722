package io.wabiz.events;

import java.util.Objects;

/** The key of everything about one chat: {@code {businessPhoneNumberId}:{customerWaId}}. */
public record ConversationKey(String businessPhoneNumberId, String customerWaId) {

    public ConversationKey {
        Objects.requireNonNull(businessPhoneNumberId, "businessPhoneNumberId");
        Objects.requireNonNull(customerWaId, "customerWaId");
    }

    public static String of(String businessPhoneNumberId, String customerWaId) {
        return new ConversationKey(businessPhoneNumberId, customerWaId).toString();
    }

    public static ConversationKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not a conversation key (phoneNumberId:waId): " + key);
        }
        return new ConversationKey(key.substring(0, colon), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return businessPhoneNumberId + ":" + customerWaId;
    }
}
