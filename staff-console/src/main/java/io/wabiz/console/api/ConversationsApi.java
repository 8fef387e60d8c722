package io.wabiz.console.api;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.TemplateSynced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** conversation-service's staff API, called with the signed-in user's token (see its README). */
public class ConversationsApi {

    private static final ParameterizedTypeReference<ApiPage<Conversation>> CONVERSATIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<Message>> MESSAGES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Template>> TEMPLATES = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public ConversationsApi(RestClient http) {
        this.http = http;
    }

    /** Conversations, latest activity first; null filters are left out. */
    public ApiPage<Conversation> conversations(Map<String, String> filters, int page, int size) {
        Map<String, String> all = new java.util.LinkedHashMap<>(filters);
        all.put("page", Integer.toString(page));
        all.put("size", Integer.toString(size));
        return http.get().uri(b -> query(b.path("/api/conversations"), all)).retrieve().body(CONVERSATIONS);
    }

    public Conversation conversation(String id) {
        return http.get().uri("/api/conversations/{id}", id).retrieve().body(Conversation.class);
    }

    /** The conversation's latest messages, oldest of them first. */
    public List<Message> latestMessages(String conversationId, int count) {
        ApiPage<Message> newest = http.get().uri(b -> b.path("/api/conversations/{id}/messages")
                .queryParam("order", "desc").queryParam("size", count).build(conversationId)).retrieve().body(MESSAGES);
        List<Message> messages = new ArrayList<>(newest.items());
        Collections.reverse(messages);
        return messages;
    }

    public void markRead(String conversationId) {
        http.post().uri("/api/conversations/{id}/read", conversationId).retrieve().toBodilessEntity();
    }

    /** Messages across conversations with the Messages list's filters, as the API names them. */
    public ApiPage<Message> messages(Map<String, String> filters) {
        return http.get().uri(b -> query(b.path("/api/messages"), filters)).retrieve().body(MESSAGES);
    }

    public Message message(String id) {
        return http.get().uri("/api/messages/{id}", id).retrieve().body(Message.class);
    }

    public SendAccepted send(SendBody body, String idempotencyKey) {
        return http.post().uri("/api/messages").header("Idempotency-Key", idempotencyKey).body(body).retrieve()
                .body(SendAccepted.class);
    }

    public SendAccepted reply(String messageId, ReplyBody body, String idempotencyKey) {
        return http.post().uri("/api/messages/{id}/reply", messageId).header("Idempotency-Key", idempotencyKey)
                .body(body).retrieve().body(SendAccepted.class);
    }

    public BulkReport bulkSend(BulkBody body, String idempotencyKey) {
        return http.post().uri("/api/bulk-sends").header("Idempotency-Key", idempotencyKey).body(body).retrieve()
                .body(BulkReport.class);
    }

    /** Who a bulk send would reach and who not, and why, without sending anything. */
    public BulkPreview bulkPreview(BulkBody body) {
        return http.post().uri("/api/bulk-sends/preview").body(body).retrieve().body(BulkPreview.class);
    }

    public List<Template> templates(Map<String, String> filters) {
        return http.get().uri(b -> query(b.path("/api/templates"), filters)).retrieve().body(TEMPLATES);
    }

    private static java.net.URI query(UriBuilder builder, Map<String, String> filters) {
        return QueryUris.of(builder, filters);
    }

    public record PartnerRef(String id, String name) {
    }

    public record LastMessage(Instant at, String messageId, String direction, String type, String text) {
    }

    /** The customer asked for a person (the scenario engine's hand-off): why, from where, and by when. */
    public record HandOff(Instant requestedAt, String reason, String source, Instant expectedAnswerBy) {
    }

    /**
     * @param windowOpen      whether free-form messages reach the customer now
     * @param waitingForStaff the customer asked for a person ({@code handOff}) and no staff member wrote since
     */
    public record Conversation(String id, String businessPhoneNumberId, String customerWaId, String customerPhone,
                               String customerProfileName, PartnerRef partner, Instant lastActivityAt,
                               Instant lastInboundAt, Instant windowOpenUntil, boolean windowOpen, int unreadCount,
                               LastMessage lastMessage, boolean waitingForStaff, HandOff handOff) {

        /** The name a person recognises: the ERP partner, else the WhatsApp profile, else the number. */
        public String displayName() {
            String name = knownName();
            return name != null ? name : customerPhone;
        }

        /** The customer's name when the platform knows one (ERP partner or WhatsApp profile), else null. */
        public String knownName() {
            if (partner != null && partner.name() != null && !partner.name().isBlank()) {
                return partner.name();
            }
            if (customerProfileName != null && !customerProfileName.isBlank()) {
                return customerProfileName;
            }
            return null;
        }
    }

    public record Media(String kind, String mediaId, String link, String mimeType, String filename, String sha256) {
    }

    public record TimelineEntry(String status, Instant at) {
    }

    public record MessageError(int code, String title, String message, String help, String href, Instant at) {
    }

    /** What an inbound message quotes or answers. */
    public record Context(String fromNumber, String wamid) {
    }

    /**
     * Why an outbound message was sent and by whom (origin STAFF with the user, AUTOMATION, SCENARIO).
     *
     * @param documentNumber the ERP document's number people know ({@code S00042}), when the automation gave it
     */
    public record SentBy(String documentType, String documentId, String notificationKind, String origin, String actor,
                         String documentNumber) {

        /** The document as people name it: its number, else the ERP's id. */
        public String document() {
            return documentNumber != null ? documentNumber : documentId;
        }
    }

    public record Message(String id, String wamid, String conversationId, String businessPhoneNumberId,
                          String customerWaId, String direction, String type, String text, Media media,
                          Map<String, Object> content, Instant at, String status, List<TimelineEntry> timeline,
                          Instant acceptedAt, MessageError error, String pricingCategory, String replyToWamid,
                          Context context, SentBy sentBy, String idempotencyKey, String commandId, String sendForm,
                          String customerProfileName) {

        public boolean inbound() {
            return "INBOUND".equals(direction);
        }

        /** The message this one quotes, whichever side wrote it. */
        public String quotedWamid() {
            if (replyToWamid != null) {
                return replyToWamid;
            }
            return context == null ? null : context.wamid();
        }
    }

    public record Template(String id, String wabaId, String templateId, String name, String language, String category,
                           String status, String rejectedReason, List<TemplateSynced.Component> components,
                           Instant syncedAt) {

        public boolean approved() {
            return "APPROVED".equalsIgnoreCase(status);
        }

        public String key() {
            return name + ":" + language;
        }
    }

    public record SendBody(String to, String partnerId, String businessPhoneNumberId, OutboundContent content,
                           OutboundContent.Template fallbackTemplate) {
    }

    public record ReplyBody(OutboundContent content, OutboundContent.Template fallbackTemplate) {
    }

    public record BulkBody(List<String> partnerIds, String businessPhoneNumberId, OutboundContent content,
                           OutboundContent.Template fallbackTemplate) {
    }

    public record SendAccepted(String messageId, String commandId, String idempotencyKey, String conversationId,
                               String status, boolean replayed) {
    }

    public record Unreachable(String partnerId, String reason, String explanation) {
    }

    public record BulkSent(String partnerId, String conversationId, String messageId, String commandId,
                           String idempotencyKey) {
    }

    public record BulkReport(int requested, List<BulkSent> sent, List<Unreachable> unreachable) {
    }

    public record BulkPreview(int requested, List<String> reachable, List<Unreachable> unreachable) {
    }
}
