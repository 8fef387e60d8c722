package io.wabiz.conversations.partners;

import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.events.whatsapp.WhatsAppUserIds;
import java.util.Optional;

/**
 * A customer as staff name one: a phone number in any usual form (read strictly, to its wa_id), or the
 * business-scoped user id of a customer who has a WhatsApp username and no number Meta gives us.
 */
public final class CustomerIds {

    private CustomerIds() {
    }

    public static Optional<String> of(PhoneNumbers phoneNumbers, String typed) {
        if (typed != null && WhatsAppUserIds.isBusinessScoped(typed.strip())) {
            return Optional.of(typed.strip());
        }
        return phoneNumbers.toWaId(typed);
    }
}
