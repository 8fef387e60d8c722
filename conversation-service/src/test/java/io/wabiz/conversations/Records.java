package io.wabiz.conversations;

import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.TemplateSynced;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records as the ingress, the sender and the ERP publish them. */
public final class Records {

    private Records() {
    }

    public static InboundMessageReceived inbound(String waId, String wamid, InboundContent content, Instant sentAt) {
        return new InboundMessageReceived(UUID.randomUUID().toString(), sentAt.plusMillis(200),
                ServiceTest.BUSINESS_NUMBER, "+221 33 800 00 01", "200000000000001", waId, null, "Awa Diop", wamid,
                sentAt, "text", null, content);
    }

    /** A message the business sent from the WhatsApp Business app, as Meta echoes it. */
    public static BusinessMessageEchoed echo(String waId, String wamid, InboundContent content, Instant sentAt) {
        return new BusinessMessageEchoed(UUID.randomUUID().toString(), sentAt.plusMillis(200),
                ServiceTest.BUSINESS_NUMBER, "+221 33 800 00 01", "200000000000001", waId, null, wamid, sentAt,
                "text", content);
    }

    public static InboundMessageReceived inboundText(String waId, String wamid, String text, Instant sentAt) {
        return inbound(waId, wamid, new InboundContent.Text(text), sentAt);
    }

    public static MessageAccepted accepted(String waId, String wamid, String idempotencyKey, String commandId,
                                           OutboundContent content, Correlation correlation, String replyTo,
                                           Instant at) {
        return new MessageAccepted(UUID.randomUUID().toString(), at, commandId, idempotencyKey,
                ServiceTest.BUSINESS_NUMBER, waId, wamid, SendForm.FREE_FORM, content, correlation, replyTo);
    }

    public static MessageAccepted accepted(String waId, String wamid, String text, Instant at) {
        return accepted(waId, wamid, "auto:" + wamid, UUID.randomUUID().toString(),
                new OutboundContent.Text(text, false),
                new Correlation(null, null, null, Correlation.Origin.AUTOMATION, "billing-notifier"), null, at);
    }

    public static MessageRejected rejected(String waId, String idempotencyKey, int code, String title, Instant at) {
        return new MessageRejected(UUID.randomUUID().toString(), at, UUID.randomUUID().toString(), idempotencyKey,
                ServiceTest.BUSINESS_NUMBER, waId, code, title, "Meta refused the message", null, false,
                new OutboundContent.Text("Promo", false),
                new Correlation(null, null, null, Correlation.Origin.AUTOMATION, "reminder-scheduler"));
    }

    /** The sender's "outcome unknown": its call was cut off after the request was written. */
    public static MessageRejected outcomeUnknown(String waId, String idempotencyKey, String commandId,
                                                 OutboundContent content, Instant at) {
        return new MessageRejected(UUID.randomUUID().toString(), at, commandId, idempotencyKey,
                ServiceTest.BUSINESS_NUMBER, waId, 0, "Outcome unknown", "the call to Meta was cut off after the "
                + "request was written", "Check the conversation before resending", false, content,
                new Correlation(null, null, null, Correlation.Origin.STAFF, "test-agent"));
    }

    /** The sender gave up waiting for a status that would settle an unknown outcome. */
    public static MessageOutcomeUnresolved unresolved(String waId, String idempotencyKey, String commandId,
                                                      OutboundContent content, Instant unknownSince, Instant at) {
        return new MessageOutcomeUnresolved(UUID.randomUUID().toString(), at, commandId, idempotencyKey,
                ServiceTest.BUSINESS_NUMBER, waId, unknownSince, "no status webhook within 10m",
                "The message may or may not have reached the customer: ask them, resend under a new key if needed",
                content, new Correlation(null, null, null, Correlation.Origin.STAFF, "test-agent"));
    }

    public static MessageStatusChanged status(String waId, String wamid, DeliveryStatus status, Instant at,
                                              MetaError... errors) {
        return new MessageStatusChanged(UUID.randomUUID().toString(), at.plusMillis(100), ServiceTest.BUSINESS_NUMBER,
                waId, wamid, status, at, null, null,
                new MessageStatusChanged.Pricing(true, "utility", "PMP", "regular"), List.of(errors));
    }

    public static PartnerUpserted partner(String partnerId, String name, Instant at, String... phones) {
        return new PartnerUpserted(UUID.randomUUID().toString(), at, partnerId, name, "Diop SARL", List.of(phones),
                null, "fr_FR", "SN", OptInState.OPTED_IN, true);
    }

    /** A partner the ERP marked inactive (archived). */
    public static PartnerUpserted inactivePartner(String partnerId, String name, Instant at, String... phones) {
        return new PartnerUpserted(UUID.randomUUID().toString(), at, partnerId, name, "Diop SARL", List.of(phones),
                null, "fr_FR", "SN", OptInState.OPTED_IN, false);
    }

    /** The scenario engine's hand-off: the customer asked, by message {@code wamid}, to talk to a person. */
    public static HandOffRequested handOff(String waId, String wamid, Instant at, String... partnerIds) {
        return new HandOffRequested(UUID.randomUUID().toString(), at, ServiceTest.BUSINESS_NUMBER, waId, "Awa Diop",
                wamid, "Parler à un conseiller", "scenario:menu", "fr", at.plusSeconds(1800), List.of(partnerIds));
    }

    /** A template as the sender syncs it from Meta, with the given body text ({{1}}, {{2}}...). */
    public static TemplateSynced template(String name, String language, String status, String body) {
        return new TemplateSynced(UUID.randomUUID().toString(), Instant.now(), "200000000000001", "tpl-" + name, name,
                language, "UTILITY", status, "REJECTED".equals(status) ? "INVALID_FORMAT" : null,
                List.of(new TemplateSynced.Component("BODY", null, body, List.of())));
    }
}
