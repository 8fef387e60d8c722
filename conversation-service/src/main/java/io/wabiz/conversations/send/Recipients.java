package io.wabiz.conversations.send;

import io.wabiz.conversations.history.store.HistoryQueries;
import io.wabiz.conversations.optout.ContactDocument;
import io.wabiz.conversations.optout.ContactPreferences;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.conversations.partners.PartnerDocument;
import io.wabiz.conversations.send.SendPolicy.Recipient;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.erp.OptInState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the service knows of a recipient, gathered from the partners, the opt-outs and the conversation. */
class Recipients {

    private final PartnerDirectory partners;
    private final ContactPreferences contacts;
    private final HistoryQueries history;

    Recipients(PartnerDirectory partners, ContactPreferences contacts, HistoryQueries history) {
        this.partners = partners;
        this.contacts = contacts;
        this.history = history;
    }

    /** A customer named by number, on {@code phoneNumberId}. */
    Recipient byWaId(String waId, String phoneNumberId) {
        return of(true, waId, null, phoneNumberId);
    }

    Recipient byPartner(String partnerId, String phoneNumberId) {
        Optional<PartnerDocument> partner = partners.byId(partnerId);
        return of(partner.isPresent(), partner.flatMap(PartnerDocument::primaryWaId).orElse(null),
                partner.orElse(null), phoneNumberId);
    }

    /** Each partner id, in the given order, with what is known of it. */
    Map<String, Recipient> byPartners(Collection<String> partnerIds, String phoneNumberId) {
        Map<String, PartnerDocument> known = new LinkedHashMap<>();
        partners.byIds(partnerIds).forEach(p -> known.put(p.id(), p));
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (String partnerId : partnerIds) {
            PartnerDocument partner = known.get(partnerId);
            recipients.put(partnerId, of(partner != null, partner == null ? null : partner.primaryWaId().orElse(null),
                    partner, phoneNumberId));
        }
        return recipients;
    }

    private Recipient of(boolean partnerKnown, String waId, PartnerDocument partner, String phoneNumberId) {
        boolean active = partner == null || partner.active();
        if (waId == null) {
            return new Recipient(partnerKnown, null, false, false, null, active);
        }
        ContactDocument contact = contacts.of(waId);
        boolean erpOptedOut = partner != null && partner.whatsappOptIn() == OptInState.OPTED_OUT;
        return new Recipient(partnerKnown, waId, contact.optedOut() || erpOptedOut, contact.marketingOptOut(),
                history.windowOpenUntil(ConversationKey.of(phoneNumberId, waId)).orElse(null), active);
    }
}
