package io.wabiz.conversations.send;

import io.wabiz.conversations.ConversationsProperties;
import io.wabiz.conversations.history.ConversationDocument;
import io.wabiz.conversations.history.Direction;
import io.wabiz.conversations.history.HistoryQueries;
import io.wabiz.conversations.history.HistoryStore;
import io.wabiz.conversations.history.MessageDocument;
import io.wabiz.conversations.history.StatusProgress;
import io.wabiz.conversations.optout.ContactDocument;
import io.wabiz.conversations.optout.ContactPreferences;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.conversations.partners.PartnerDocument;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.conversations.send.SendPolicy.Recipient;
import io.wabiz.conversations.send.SendPolicy.Refusal;
import io.wabiz.conversations.send.SendRequests.BulkSendReport;
import io.wabiz.conversations.send.SendRequests.BulkSendRequest;
import io.wabiz.conversations.send.SendRequests.BulkSent;
import io.wabiz.conversations.send.SendRequests.ReplyRequest;
import io.wabiz.conversations.send.SendRequests.SendAccepted;
import io.wabiz.conversations.send.SendRequests.SendRequest;
import io.wabiz.conversations.send.SendRequests.Unreachable;
import io.wabiz.conversations.templates.TemplateCatalogue;
import io.wabiz.conversations.templates.TemplateDocument;
import io.wabiz.conversations.web.ApiProblem;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.EventJson;
import io.wabiz.events.PhoneMasking;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.platform.kafka.TopicPublisher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Turns staff requests into {@link SendMessage} commands: records each as PENDING under its idempotency
 * key, publishes it, and answers with its ids. A repeated request (same Idempotency-Key) finds the first
 * one's message and, while it is still pending, publishes the same command again (the sender drops
 * duplicates), so that a request that failed half-way can simply be retried.
 */
public class StaffSender {

    private static final Logger log = LoggerFactory.getLogger(StaffSender.class);
    private static final String KEY_PREFIX = "staff:";

    private final HistoryStore store;
    private final HistoryQueries queries;
    private final PartnerDirectory partners;
    private final ContactPreferences contacts;
    private final TemplateCatalogue templates;
    private final PhoneNumbers phoneNumbers;
    private final TopicPublisher publisher;
    private final ConversationsProperties properties;
    private final Clock clock;

    public StaffSender(HistoryStore store, HistoryQueries queries, PartnerDirectory partners,
                       ContactPreferences contacts, TemplateCatalogue templates, PhoneNumbers phoneNumbers,
                       TopicPublisher publisher, ConversationsProperties properties, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.partners = partners;
        this.contacts = contacts;
        this.templates = templates;
        this.phoneNumbers = phoneNumbers;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    public SendAccepted send(SendRequest request, String actor, String idempotencyKey) {
        if ((request.to() == null) == (request.partnerId() == null)) {
            throw ApiProblem.badRequest("give exactly one of 'to' (a phone number) or 'partnerId'");
        }
        String phoneNumberId = businessNumber(request.businessPhoneNumberId());
        Recipient recipient;
        if (request.to() != null) {
            String waId = phoneNumbers.toWaId(request.to()).orElseThrow(() -> ApiProblem.badRequest(
                    "'to' is not a valid phone number: " + request.to()));
            recipient = recipient(true, waId, null, phoneNumberId);
        } else {
            Optional<PartnerDocument> partner = partners.byId(request.partnerId());
            recipient = recipient(partner.isPresent(), partner.flatMap(PartnerDocument::primaryWaId).orElse(null),
                    partner.orElse(null), phoneNumberId);
        }
        refuseIfUnreachable(recipient, request.content(), request.fallbackTemplate(), false);
        return publish(phoneNumberId, recipient.waId(), request.content(), request.fallbackTemplate(), null, actor,
                key(idempotencyKey));
    }

    public SendAccepted reply(String messageId, ReplyRequest request, String actor, String idempotencyKey) {
        MessageDocument quoted = queries.message(messageId)
                .orElseThrow(() -> ApiProblem.notFound("Message", messageId));
        if (quoted.direction() != Direction.INBOUND) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Not a customer message",
                    "only a customer's message can be replied to; " + messageId + " was sent by the business", null);
        }
        Recipient recipient = recipient(true, quoted.customerWaId(), null, quoted.businessPhoneNumberId());
        refuseIfUnreachable(recipient, request.content(), request.fallbackTemplate(), true);
        return publish(quoted.businessPhoneNumberId(), quoted.customerWaId(), request.content(),
                request.fallbackTemplate(), quoted.wamid(), actor, key(idempotencyKey));
    }

    public BulkSendReport bulkSend(BulkSendRequest request, String actor, String idempotencyKey) {
        String phoneNumberId = businessNumber(request.businessPhoneNumberId());
        String batch = key(idempotencyKey);
        List<String> partnerIds = request.partnerIds().stream().distinct().toList();
        Map<String, PartnerDocument> known = new java.util.HashMap<>();
        partners.byIds(partnerIds).forEach(p -> known.put(p.id(), p));
        List<BulkSent> sent = new ArrayList<>();
        List<Unreachable> unreachable = new ArrayList<>();
        for (String partnerId : partnerIds) {
            PartnerDocument partner = known.get(partnerId);
            String waId = partner == null ? null : partner.primaryWaId().orElse(null);
            Recipient recipient = recipient(partner != null, waId, partner, phoneNumberId);
            Optional<Refusal> refusal = SendPolicy.refusal(recipient, request.content(), request.fallbackTemplate(),
                    false, this::isMarketing, clock.instant());
            if (refusal.isPresent()) {
                unreachable.add(new Unreachable(partnerId, refusal.get(), refusal.get().explanation()));
                continue;
            }
            SendAccepted accepted = publish(phoneNumberId, waId, request.content(), request.fallbackTemplate(), null,
                    actor, batch + ":" + partnerId);
            sent.add(new BulkSent(partnerId, accepted.conversationId(), accepted.messageId(), accepted.commandId(),
                    accepted.idempotencyKey()));
        }
        log.info("Bulk send {} by {}: {} sent, {} unreachable", batch, actor, sent.size(), unreachable.size());
        return new BulkSendReport(partnerIds.size(), sent, unreachable);
    }

    private SendAccepted publish(String phoneNumberId, String waId, OutboundContent content,
                                 OutboundContent.Template fallback, String replyToWamid, String actor, String key) {
        Instant now = clock.instant();
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), now, phoneNumberId, waId, content,
                fallback, key, new Correlation(null, null, null, Correlation.Origin.STAFF, actor), replyToWamid);
        String fingerprint = fingerprint(phoneNumberId, waId, content, fallback, replyToWamid);
        HistoryStore.PendingSend pending = store.recordPendingSend(command, now, fingerprint);
        if (!pending.created()) {
            MessageDocument existing = pending.existing();
            if (existing.requestFingerprint() != null && !existing.requestFingerprint().equals(fingerprint)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "Idempotency key reused",
                        "the Idempotency-Key was already used for a different request", null);
            }
            boolean stillPending = existing.wamid() == null
                    && Integer.valueOf(StatusProgress.rank(DeliveryStatus.PENDING)).equals(existing.statusRank());
            if (stillPending) {
                await(new SendMessage(existing.commandId(), now, phoneNumberId, waId, content, fallback, key,
                        command.correlation(), replyToWamid));
            }
            return new SendAccepted(existing.id(), existing.commandId(), key, existing.conversationId(),
                    String.valueOf(StatusProgress.ofRank(existing.statusRank())), true);
        }
        await(command);
        log.info("Staff {} sent {} to {} (command {})", actor, MessageDocument.pendingId(key),
                PhoneMasking.mask(waId), command.id());
        return new SendAccepted(MessageDocument.pendingId(key), command.id(), key,
                ConversationKey.of(phoneNumberId, waId), DeliveryStatus.PENDING.name(), false);
    }

    private void await(SendMessage command) {
        try {
            publisher.publish(command).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    private static ApiProblem unavailable(Exception e) {
        log.warn("Send command not acknowledged by Kafka: {}", e.toString());
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Message not sent",
                "the message could not be queued for sending; retry with the same Idempotency-Key", null);
    }

    private void refuseIfUnreachable(Recipient recipient, OutboundContent content, OutboundContent.Template fallback,
                                     boolean essential) {
        SendPolicy.refusal(recipient, content, fallback, essential, this::isMarketing, clock.instant())
                .ifPresent(refusal -> {
                    HttpStatus status = refusal == Refusal.UNKNOWN_PARTNER ? HttpStatus.NOT_FOUND
                            : HttpStatus.UNPROCESSABLE_CONTENT;
                    throw new ApiProblem(status, "Customer cannot be reached", refusal.explanation(),
                            Map.of("reason", refusal.name()));
                });
    }

    private Recipient recipient(boolean partnerKnown, String waId, PartnerDocument partner, String phoneNumberId) {
        if (waId == null) {
            return new Recipient(partnerKnown, null, false, false, null);
        }
        ContactDocument contact = contacts.of(waId);
        boolean erpOptedOut = partner != null && partner.whatsappOptIn() == io.wabiz.events.erp.OptInState.OPTED_OUT;
        Instant windowOpenUntil = queries.conversation(ConversationKey.of(phoneNumberId, waId))
                .map(ConversationDocument::windowOpenUntil).orElse(null);
        return new Recipient(partnerKnown, waId, contact.optedOut() || erpOptedOut, contact.marketingOptOut(),
                windowOpenUntil);
    }

    private boolean isMarketing(OutboundContent.Template template) {
        return templates.find(template.name(), template.language()).map(TemplateDocument::marketing).orElse(false);
    }

    private String businessNumber(String requested) {
        String number = requested != null ? requested : properties.defaultBusinessPhoneNumberId();
        if (number == null || number.isBlank()) {
            throw ApiProblem.badRequest("businessPhoneNumberId is required (no default business number is configured)");
        }
        return number;
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return KEY_PREFIX + UUID.randomUUID();
        }
        if (idempotencyKey.length() > 200) {
            throw ApiProblem.badRequest("Idempotency-Key is longer than 200 characters");
        }
        return KEY_PREFIX + idempotencyKey;
    }

    private static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update((part == null ? "-" : EventJson.toJson(part)).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
