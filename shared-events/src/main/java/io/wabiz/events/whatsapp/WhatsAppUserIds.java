package io.wabiz.events.whatsapp;

import java.util.regex.Pattern;

/**
 * Who a customer is to Meta. Usually their {@code wa_id} (the digits of their phone number); a customer who
 * took a WhatsApp username may come with only a business-scoped user id (BSUID): an ISO country code, a
 * period and up to 128 letters or digits ({@code US.13491208655302741918}; {@code US.ENT.118157...} for a
 * parent BSUID). Wherever the platform carries a customer's {@code waId} ({@code SendMessage.recipientWaId},
 * the conversation key) it may hold a BSUID; sending to one uses Meta's {@code recipient} field, not {@code to}.
 */
public final class WhatsAppUserIds {

    private static final Pattern BUSINESS_SCOPED = Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");

    private WhatsAppUserIds() {
    }

    /** Whether the id is a business-scoped user id (or a parent one) rather than a phone number's wa_id. */
    public static boolean isBusinessScoped(String customerId) {
        return customerId != null && BUSINESS_SCOPED.matcher(customerId).matches();
    }
}
