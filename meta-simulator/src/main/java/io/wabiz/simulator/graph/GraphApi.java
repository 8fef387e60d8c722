package io.wabiz.simulator.graph;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import io.wabiz.events.outbound.TemplatePlaceholders;
import io.wabiz.events.whatsapp.WhatsAppUserIds;
import io.wabiz.simulator.BusinessNumbers;
import io.wabiz.simulator.JsonText;
import io.wabiz.simulator.SimulatorProperties.PhoneNumber;
import io.wabiz.simulator.SimulatorProperties.Template;
import io.wabiz.simulator.SimulatorProperties.TemplateButton;
import io.wabiz.simulator.SimulatorProperties.WindowCheck;
import io.wabiz.simulator.Wamids;
import io.wabiz.simulator.chat.ChatMessage;
import io.wabiz.simulator.chat.ChatStore;
import io.wabiz.simulator.chat.Customer;
import io.wabiz.simulator.chat.StatusFlow;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.templates.TemplateCatalogue;
import io.wabiz.simulator.webhook.StatusEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What Meta's Graph API does for the calls the platform makes; answers are Meta-shaped JSON. */
public final class GraphApi {

    static final StatusEvent.ErrorDetail UNDELIVERABLE = new StatusEvent.ErrorDetail(131026,
            "Message undeliverable", "Unable to deliver message. Reasons can include: the recipient phone number "
            + "is not a WhatsApp phone number, or the recipient has not accepted the new Terms of Service.");
    static final StatusEvent.ErrorDetail REENGAGEMENT = new StatusEvent.ErrorDetail(131047,
            "Re-engagement message", MetaRejection.REENGAGEMENT_DETAILS);

    private final BusinessNumbers phones;
    private final TemplateCatalogue templates;
    private final MediaStore media;
    private final ChatStore chats;
    private final StatusFlow statuses;
    private final MessageValidator validator;
    private final SlidingWindowRateLimiter rateLimiter;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration customerWindow;
    private final WindowCheck windowCheck;

    public GraphApi(BusinessNumbers phones, TemplateCatalogue templates, MediaStore media, ChatStore chats,
                    StatusFlow statuses, SlidingWindowRateLimiter rateLimiter, JsonMapper json, Clock clock,
                    Duration customerWindow, WindowCheck windowCheck) {
        this.phones = phones;
        this.templates = templates;
        this.media = media;
        this.chats = chats;
        this.statuses = statuses;
        this.validator = new MessageValidator(templates, media);
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.clock = clock;
        this.customerWindow = customerWindow;
        this.windowCheck = windowCheck;
    }

    /** The answer body, and the wamid of an accepted send (for the request log). */
    public record Answer(JsonNode body, String wamid) {
    }

    public Answer send(String phoneNumberId, String rawBody) {
        PhoneNumber phone = phone(phoneNumberId);
        JsonNode message = parse(rawBody);
        if ("read".equals(JsonText.of(message.get("status")))) {
            return markRead(phone, message);
        }
        ValidatedSend send = validator.validate(message);
        Instant now = clock.instant();
        boolean windowOpen = chats.customer(send.to()).map(c -> c.windowOpen(now, customerWindow)).orElse(false);
        StatusEvent.ErrorDetail failure = null;
        if (send.freeForm() && !windowOpen) {
            if (windowCheck == WindowCheck.SYNC) {
                throw MetaRejection.reEngagement();
            }
            failure = REENGAGEMENT;
        }
        if (!rateLimiter.tryAcquire(phone.id(), phone.messagesPerSecond())) {
            throw MetaRejection.rateLimitHit(phone.messagesPerSecond());
        }
        Customer customer = chats.ensureCustomer(send.to(), null, now);
        if (failure == null && !customer.reachable()) {
            failure = UNDELIVERABLE;
        }
        String wamid = Wamids.next();
        statuses.accepted(ChatMessage.fromBusiness(wamid, phone.id(), send.to(), send.type(), now,
                send.bizOpaqueCallbackData(), send.contextWamid(), send.text(), message, send.template(),
                send.downloadUrl(), send.category()), failure);
        ObjectNode answer = json.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        ObjectNode contact = answer.putArray("contacts").addObject();
        if (WhatsAppUserIds.isBusinessScoped(send.to())) {
            contact.put("input", send.to()).put("user_id", send.to());
        } else {
            contact.put("input", JsonText.of(message.get("to"))).put("wa_id", send.to());
        }
        ObjectNode sent = answer.putArray("messages").addObject().put("id", wamid);
        if (!send.freeForm()) {
            sent.put("message_status", "accepted");
        }
        return new Answer(answer, wamid);
    }

    private Answer markRead(PhoneNumber phone, JsonNode message) {
        String wamid = JsonText.of(message.get("message_id"));
        if (!"whatsapp".equals(JsonText.of(message.get("messaging_product"))) || wamid == null) {
            throw MetaRejection.invalidParameter("messaging_product 'whatsapp' and message_id are required");
        }
        ChatMessage read = chats.message(wamid)
                .filter(m -> !m.sentByBusiness() && m.phoneNumberId().equals(phone.id()))
                .orElseThrow(() -> MetaRejection.invalidParameter("message_id " + wamid
                        + " is not a message received by this number"));
        if (!"read".equals(read.status())) {
            chats.changeStatus(wamid, "read", clock.instant(), null);
        }
        return new Answer(json.createObjectNode().put("success", true), null);
    }

    public Answer upload(String phoneNumberId, byte[] bytes, String mimeType, String filename) {
        phone(phoneNumberId);
        if (bytes == null || bytes.length == 0) {
            throw MetaRejection.invalidParameter("The parameter file is required");
        }
        MediaStore.StoredMedia stored = media.put(bytes, mimeType, filename);
        return new Answer(json.createObjectNode().put("id", stored.id()), null);
    }

    /** {@code GET /{id}}: a phone number, or a media object (its URL is under {@code baseUrl}). */
    public Answer object(String id, String baseUrl) {
        if (phones.find(id).isPresent()) {
            return new Answer(phoneJson(phones.find(id).get()), null);
        }
        if (phones.isWaba(id)) {
            ObjectNode waba = json.createObjectNode().put("id", id)
                    .put("name", phones.ofWaba(id).getFirst().verifiedName());
            return new Answer(waba, null);
        }
        MediaStore.StoredMedia stored = media.get(id).orElseThrow(() -> MetaRejection.unknownObject(id));
        ObjectNode answer = json.createObjectNode();
        answer.put("url", baseUrl + "/simulator/media/" + stored.id());
        answer.put("mime_type", stored.mimeType());
        answer.put("sha256", stored.sha256());
        answer.put("file_size", stored.size());
        answer.put("id", stored.id());
        answer.put("messaging_product", "whatsapp");
        return new Answer(answer, null);
    }

    public Answer deleteMedia(String id) {
        if (!media.delete(id)) {
            throw MetaRejection.unknownObject(id);
        }
        return new Answer(json.createObjectNode().put("success", true), null);
    }

    public Answer phoneNumbers(String wabaId) {
        waba(wabaId);
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        phones.ofWaba(wabaId).forEach(p -> data.add(phoneJson(p)));
        return new Answer(answer, null);
    }

    /** The app receiving the WABA's webhooks: the simulator always plays one subscribed app. */
    public Answer subscribedApps(String wabaId) {
        waba(wabaId);
        ObjectNode answer = json.createObjectNode();
        answer.putArray("data").addObject().putObject("whatsapp_business_api_data")
                .put("id", "300000000000001")
                .put("link", "https://www.facebook.com/games/?app_id=300000000000001")
                .put("name", "Meta simulator");
        return new Answer(answer, null);
    }

    /**
     * One page of the WABA's templates. Cursors are opaque to callers (base64 of a position).
     *
     * @param pageUrl builds the {@code next}/{@code previous} URL from a query parameter name and its cursor
     */
    public Answer templates(String wabaId, Integer limit, String after, String before, String name, String status,
                            BiFunction<String, String, String> pageUrl) {
        waba(wabaId);
        int pageSize = limit == null ? 25 : limit;
        if (pageSize < 1 || pageSize > 1000) {
            throw MetaRejection.invalidParameter("limit must be between 1 and 1000");
        }
        List<Template> matching = templates.all().stream()
                .filter(t -> name == null || t.name().contains(name))
                .filter(t -> status == null || t.status().equalsIgnoreCase(status))
                .toList();
        int start;
        if (after != null) {
            start = position(after) + 1;
        } else if (before != null) {
            start = Math.max(0, position(before) - pageSize);
        } else {
            start = 0;
        }
        int end = Math.min(matching.size(), start + pageSize);
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int i = start; i < end; i++) {
            data.add(templateJson(matching.get(i)));
        }
        if (start < end) {
            ObjectNode paging = answer.putObject("paging");
            ObjectNode cursors = paging.putObject("cursors");
            cursors.put("before", cursor(start));
            cursors.put("after", cursor(end - 1));
            if (end < matching.size()) {
                paging.put("next", pageUrl.apply("after", cursor(end - 1)));
            }
            if (start > 0) {
                paging.put("previous", pageUrl.apply("before", cursor(start)));
            }
        }
        return new Answer(answer, null);
    }

    public ObjectNode templateJson(Template template) {
        ObjectNode node = json.createObjectNode();
        node.put("name", template.name());
        ArrayNode components = node.putArray("components");
        if (template.headerFormat() != null) {
            ObjectNode header = components.addObject().put("type", "HEADER").put("format", template.headerFormat());
            if (template.header() != null) {
                header.put("text", template.header());
            }
        }
        ObjectNode body = components.addObject().put("type", "BODY").put("text", template.body());
        int bodyParameters = TemplatePlaceholders.count(template.body());
        if (bodyParameters > 0) {
            ArrayNode example = body.putObject("example").putArray("body_text").addArray();
            for (int i = 1; i <= bodyParameters; i++) {
                example.add("example " + i);
            }
        }
        if (template.footer() != null) {
            components.addObject().put("type", "FOOTER").put("text", template.footer());
        }
        if (!template.buttons().isEmpty()) {
            ArrayNode buttons = components.addObject().put("type", "BUTTONS").putArray("buttons");
            for (TemplateButton button : template.buttons()) {
                ObjectNode b = buttons.addObject().put("type", button.type()).put("text", button.text());
                if (button.url() != null) {
                    b.put("url", button.url());
                }
            }
        }
        node.put("language", template.language());
        node.put("status", template.status());
        node.put("category", template.category().toUpperCase(Locale.ROOT));
        node.put("id", TemplateCatalogue.id(template));
        return node;
    }

    private ObjectNode phoneJson(PhoneNumber phone) {
        ObjectNode node = json.createObjectNode();
        node.put("verified_name", phone.verifiedName());
        node.put("code_verification_status", "VERIFIED");
        node.put("display_phone_number", phone.displayPhoneNumber());
        node.put("quality_rating", phone.qualityRating());
        node.put("platform_type", "CLOUD_API");
        node.putObject("throughput").put("level", phone.messagesPerSecond() > 80 ? "HIGH" : "STANDARD");
        node.put("id", phone.id());
        return node;
    }

    private PhoneNumber phone(String id) {
        return phones.find(id).orElseThrow(() -> MetaRejection.unknownObject(id));
    }

    private void waba(String id) {
        if (!phones.isWaba(id)) {
            throw MetaRejection.unknownObject(id);
        }
    }

    private JsonNode parse(String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            throw MetaRejection.invalidParameter("The request body is empty");
        }
        try {
            JsonNode node = json.readTree(rawBody);
            if (!node.isObject()) {
                throw MetaRejection.invalidParameter("The request body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw MetaRejection.invalidParameter("The request body is not valid JSON");
        }
    }

    private static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("position:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Integer.parseInt(decoded.substring("position:".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw MetaRejection.invalidParameter("Invalid paging cursor: " + cursor);
        }
    }
}
