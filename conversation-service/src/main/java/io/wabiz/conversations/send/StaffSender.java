package io.wabiz.conversations.send;

import io.wabiz.conversations.ConversationsProperties;
import io.wabiz.conversations.history.documents.Direction;
import io.wabiz.conversations.history.documents.MessageDocument;
import io.wabiz.conversations.history.store.HistoryQueries;
import io.wabiz.conversations.history.store.HistoryQueries.MessageOrigin;
import io.wabiz.conversations.history.store.SendOutcomes;
import io.wabiz.conversations.history.store.SendOutcomes.PendingSend;
import io.wabiz.conversations.history.store.SendOutcomes.SendRecord;
import io.wabiz.conversations.optout.ContactPreferences;
import io.wabiz.conversations.partners.CustomerIds;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.conversations.send.SendPolicy.Recipient;
import io.wabiz.conversations.send.SendPolicy.Refusal;
import io.wabiz.conversations.send.SendRequests.BulkSendPreview;
import io.wabiz.conversations.send.SendRequests.BulkSendReport;
import io.wabiz.conversations.send.SendRequests.BulkSendRequest;
import io.wabiz.conversations.send.SendRequests.BulkSent;
import io.wabiz.conversations.send.SendRequests.ReplyRequest;
import io.wabiz.conversations.send.SendRequests.SendAccepted;
import io.wabiz.conversations.send.SendRequests.SendRequest;
import io.wabiz.conversations.send.SendRequests.Unreachable;
import io.wabiz.conversations.templates.TemplateCatalogue;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.PhoneMasking;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.outbound.TemplateFit;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.platform.kafka.PublishFailedException;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns staff requests into {@link SendMessage} commands: records each as PENDING under its idempotency
 * key, publishes it, and answers with its ids. A repeated request (same Idempotency-Key) finds the first
 * one's message and, while it is still pending, publishes the same command again (the sender drops
 * duplicates), so that a request that failed half-way can simply be retried. What cannot be sent is a
 * {@link SendRefused}; the web edge tells the caller.
 */
public class StaffSender {

    private static final Logger log = LoggerFactory.getLogger(StaffSender.class);
    private static final String KEY_PREFIX = "staff:";

    private final SendOutcomes outcomes;
    private final HistoryQueries history;
    private final Recipients recipients;
    private final TemplateCatalogue templates;
    private final PhoneNumbers phoneNumbers;
    private final TopicPublisher publisher;
    private final ConversationsProperties properties;
    private final Clock clock;

    public StaffSender(SendOutcomes outcomes, HistoryQueries history, PartnerDirectory partners,
                       ContactPreferences contacts, TemplateCatalogue templates, PhoneNumbers phoneNumbers,
                       TopicPublisher publisher, ConversationsProperties properties, Clock clock) {
        this.outcomes = outcomes;
        this.history = history;
        this.recipients = new Recipients(partners, contacts, history);
        this.templates = templates;
        this.phoneNumbers = phoneNumbers;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    public SendAccepted send(SendRequest request, String actor, String idempotencyKey) {
        // what is wrong with the request itself first, before whom it is for
        String key = key(idempotencyKey);
        if ((request.to() == null) == (request.partnerId() == null)) {
            throw new SendRefused.InvalidRequest("give exactly one of 'to' (a phone number) or 'partnerId'");
        }
        String phoneNumberId = businessNumber(request.businessPhoneNumberId());
        refuseUnfitTemplates(request.content(), request.fallbackTemplate());
        Recipient recipient;
        if (request.to() != null) {
            String waId = CustomerIds.of(phoneNumbers, request.to()).orElseThrow(() -> new SendRefused.InvalidRequest(
                    "'to' is not a valid phone number: " + request.to()));
            recipient = recipients.byWaId(waId, phoneNumberId);
        } else {
            recipient = recipients.byPartner(request.partnerId(), phoneNumberId);
        }
        refuseIfUnreachable(recipient, request.content(), request.fallbackTemplate(), false);
        return publish(Endpoint.SEND, phoneNumberId, recipient.waId(), request.content(), request.fallbackTemplate(),
                null, actor, key);
    }

    public SendAccepted reply(String messageId, ReplyRequest request, String actor, String idempotencyKey) {
        String key = key(idempotencyKey);
        MessageOrigin quoted = history.origin(messageId).orElseThrow(() -> new SendRefused.MessageNotFound(messageId));
        if (quoted.direction() != Direction.INBOUND) {
            throw new SendRefused.NotACustomerMessage(messageId);
        }
        refuseUnfitTemplates(request.content(), request.fallbackTemplate());
        Recipient recipient = recipients.byWaId(quoted.customerWaId(), quoted.businessPhoneNumberId());
        refuseIfUnreachable(recipient, request.content(), request.fallbackTemplate(), true);
        return publish(Endpoint.reply(quoted.wamid()), quoted.businessPhoneNumberId(), quoted.customerWaId(),
                request.content(), request.fallbackTemplate(), quoted.wamid(), actor, key);
    }

    public BulkSendReport bulkSend(BulkSendRequest request, String actor, String idempotencyKey) {
        String batch = key(idempotencyKey);
        String phoneNumberId = businessNumber(request.businessPhoneNumberId());
        refuseUnfitTemplates(request.content(), request.fallbackTemplate());
        List<String> partnerIds = request.partnerIds().stream().distinct().toList();
        List<BulkSent> sent = new ArrayList<>();
        List<Unreachable> unreachable = new ArrayList<>();
        bulkRecipients(request, phoneNumberId, partnerIds, unreachable).forEach((partnerId, recipient) -> {
            SendAccepted accepted = publish(Endpoint.BULK_SEND, phoneNumberId, recipient.waId(), request.content(),
                    request.fallbackTemplate(), null, actor, batch + ":" + partnerId);
            sent.add(new BulkSent(partnerId, accepted.conversationId(), accepted.messageId(), accepted.commandId(),
                    accepted.idempotencyKey()));
        });
        log.info("Bulk send {} by {}: {} sent, {} unreachable", batch, actor, sent.size(), unreachable.size());
        return new BulkSendReport(partnerIds.size(), sent, unreachable);
    }

    /** What {@link #bulkSend} would do now, without sending: who it reaches, who not and why. */
    public BulkSendPreview bulkPreview(BulkSendRequest request) {
        String phoneNumberId = businessNumber(request.businessPhoneNumberId());
        refuseUnfitTemplates(request.content(), request.fallbackTemplate());
        List<String> partnerIds = request.partnerIds().stream().distinct().toList();
        List<Unreachable> unreachable = new ArrayList<>();
        Map<String, Recipient> reachable = bulkRecipients(request, phoneNumberId, partnerIds, unreachable);
        return new BulkSendPreview(partnerIds.size(), List.copyOf(reachable.keySet()), unreachable);
    }

    /** The partners a bulk send reaches, in request order; the others go to {@code unreachable} with why. */
    private Map<String, Recipient> bulkRecipients(BulkSendRequest request, String phoneNumberId, List<String> partnerIds,
                                                  List<Unreachable> unreachable) {
        Map<String, Recipient> reachable = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Recipient> each : recipients.byPartners(partnerIds, phoneNumberId).entrySet()) {
            Optional<Refusal> refusal = refusal(each.getValue(), request.content(), request.fallbackTemplate(), false);
            if (refusal.isPresent()) {
                unreachable.add(new Unreachable(each.getKey(), refusal.get(), refusal.get().explanation()));
            } else {
                reachable.put(each.getKey(), each.getValue());
            }
        }
        return reachable;
    }

    private SendAccepted publish(String endpoint, String phoneNumberId, String waId, OutboundContent content,
                                 OutboundContent.Template fallback, String replyToWamid, String actor, String key) {
        Instant now = clock.instant();
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), now, phoneNumberId, waId, content,
                fallback, key, new Correlation(null, null, null, Correlation.Origin.STAFF, actor), replyToWamid);
        RequestFingerprint fingerprint = RequestFingerprint.of(endpoint, actor, phoneNumberId + ":" + waId,
                content, fallback);
        PendingSend pending = outcomes.recordPending(command, now, fingerprint.encoded(),
                !Endpoint.BULK_SEND.equals(endpoint));
        if (!pending.created()) {
            SendRecord existing = pending.existing();
            List<String> conflicts = fingerprint.differencesFrom(existing.requestFingerprint());
            if (!conflicts.isEmpty()) {
                throw new SendRefused.KeyReused(conflicts);
            }
            if (existing.awaitingOutcome()) {
                await(new SendMessage(existing.commandId(), now, phoneNumberId, waId, content, fallback, key,
                        command.correlation(), replyToWamid));
            }
            return new SendAccepted(existing.messageId(), existing.commandId(), key, existing.conversationId(),
                    String.valueOf(existing.status()), true);
        }
        await(command);
        log.info("Staff {} sent {} to {} (command {})", actor, MessageDocument.pendingId(key),
                PhoneMasking.mask(waId), command.id());
        return new SendAccepted(MessageDocument.pendingId(key), command.id(), key,
                ConversationKey.of(phoneNumberId, waId), DeliveryStatus.PENDING.name(), false);
    }

    private void await(SendMessage command) {
        try {
            publisher.publishAndWait(command, properties.publishTimeout());
        } catch (PublishFailedException e) {
            log.warn("Send command not acknowledged by Kafka: {}", e.getMessage());
            throw new SendRefused.NotQueued(e);
        }
    }

    private void refuseIfUnreachable(Recipient recipient, OutboundContent content, OutboundContent.Template fallback,
                                     boolean essential) {
        refusal(recipient, content, fallback, essential).ifPresent(refusal -> {
            throw new SendRefused.Unreachable(refusal);
        });
    }

    private Optional<Refusal> refusal(Recipient recipient, OutboundContent content, OutboundContent.Template fallback,
                                      boolean essential) {
        return SendPolicy.refusal(recipient, content, fallback, essential,
                template -> templates.isMarketing(template.name(), template.language()), clock.instant());
    }

    private String businessNumber(String requested) {
        String number = requested != null ? requested : properties.defaultBusinessPhoneNumberId();
        if (number == null || number.isBlank()) {
            throw new SendRefused.InvalidRequest(
                    "businessPhoneNumberId is required (no default business number is configured)");
        }
        Set<String> known = properties.knownBusinessNumbers();
        if (!known.contains(number)) {
            throw new SendRefused.UnknownBusinessNumber(number, known);
        }
        return number;
    }

    /** The send's template and its fallback must fit what is synced from Meta, checked before anything is sent. */
    private void refuseUnfitTemplates(OutboundContent content, OutboundContent.Template fallback) {
        for (OutboundContent template : new OutboundContent[] {content, fallback}) {
            if (template instanceof OutboundContent.Template send) {
                templates.problemWith(send).ifPresent(problem -> {
                    throw new SendRefused.TemplateRefused(switch (problem.misfit()) {
                        case null -> SendRefused.TemplateRefused.Reason.UNKNOWN_TEMPLATE;
                        case TemplateFit.NotApproved notApproved -> SendRefused.TemplateRefused.Reason.TEMPLATE_NOT_APPROVED;
                        case TemplateFit.WrongParameterCount count ->
                                SendRefused.TemplateRefused.Reason.TEMPLATE_PARAMETER_COUNT;
                    }, (template == fallback ? "fallbackTemplate: " : "") + problem.explanation(), problem.status());
                });
            }
        }
    }

    /** Which endpoint a staff request came through: part of what an Idempotency-Key stands for. */
    private static final class Endpoint {
        static final String SEND = "send";
        static final String BULK_SEND = "bulk-send";

        static String reply(String quotedWamid) {
            return "reply:" + quotedWamid;
        }
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return KEY_PREFIX + UUID.randomUUID();
        }
        if (idempotencyKey.length() > 200) {
            throw new SendRefused.InvalidRequest("Idempotency-Key is longer than 200 characters");
        }
        return KEY_PREFIX + idempotencyKey;
    }
}
