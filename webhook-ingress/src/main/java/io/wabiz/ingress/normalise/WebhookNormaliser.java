package io.wabiz.ingress.normalise;

import static io.wabiz.ingress.normalise.JsonFields.array;
import static io.wabiz.ingress.normalise.JsonFields.epochSeconds;
import static io.wabiz.ingress.normalise.JsonFields.optionalBoolean;
import static io.wabiz.ingress.normalise.JsonFields.optionalText;
import static io.wabiz.ingress.normalise.JsonFields.requireObject;
import static io.wabiz.ingress.normalise.JsonFields.required;
import static io.wabiz.ingress.normalise.JsonFields.scalar;

import io.wabiz.events.EventJson;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.ReplyContext;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a WhatsApp webhook body ({@code object}, {@code entry[].changes[]}) into the platform's records.
 * {@code field=messages} changes give one {@link InboundMessageReceived} per message and one
 * {@link MessageStatusChanged} per status ({@link StatusReader}); anything else (other fields,
 * {@code value.errors}, statuses we do not know) becomes an {@link AccountNoticeReceived} with its raw value
 * ({@link NoticeReader}), so nothing is dropped. A message's content is read by {@link ContentReader}; a type
 * the platform does not model is kept as {@link InboundContent.Unsupported} with its raw JSON and named in
 * {@link NormalisedWebhook#unmodelledTypes()}.
 *
 * <p>What is refused ({@link MalformedWebhookException}): bodies that are not JSON, and bodies whose
 * identity fields (phone number id, customer id, message id, status, timestamps) are missing or of the
 * wrong type, because no correct record could be keyed from them. Record ids are derived from the content,
 * so Meta's retry of the same body yields the same ids.
 */
public final class WebhookNormaliser {

    static final String OBJECT = "whatsapp_business_account";
    static final String MESSAGES_FIELD = "messages";

    /**
     * Content after the first JSON value is ignored rather than refused: Meta's body is authenticated by its
     * signature and kept whole on the raw topic, and one of the shared real samples (textMessageStatusRead)
     * carries such a stray trailing token. A body that does not start with a complete JSON object is refused.
     */
    private final JsonMapper json = EventJson.configure(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final ContentReader contents = new ContentReader(json);
    private final NoticeReader notices = new NoticeReader(json);
    private final StatusReader statuses = new StatusReader(notices);

    public NormalisedWebhook normalise(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("body is not a JSON object");
        }
        String object = scalar(root, "object", "object");
        if (!OBJECT.equals(object)) {
            throw new MalformedWebhookException("object must be '" + OBJECT + "', was '" + object + "'");
        }
        BodyRecords out = new BodyRecords(receivedAt);
        for (JsonNode entry : array(root, "entry", "entry", true)) {
            String where = "entry[" + out.entryIndex++ + "]";
            requireObject(entry, where);
            String wabaId = required(entry, "id", where + ".id");
            String entryTime = scalar(entry, "time", where + ".time");
            int changeIndex = 0;
            for (JsonNode change : array(entry, "changes", where + ".changes", true)) {
                String at = where + ".changes[" + changeIndex++ + "]";
                requireObject(change, at);
                String field = required(change, "field", at + ".field");
                JsonNode value = change.get("value");
                if (value == null || !value.isObject()) {
                    throw new MalformedWebhookException(at + ".value must be an object");
                }
                if (MESSAGES_FIELD.equals(field)) {
                    messagesChange(out, wabaId, value, at + ".value");
                } else {
                    out.add(notices.notice(out, wabaId, field, entryTime, value, null));
                }
            }
        }
        return out.result();
    }

    private void messagesChange(BodyRecords out, String wabaId, JsonNode value, String at) {
        JsonNode metadata = value.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            // not the message/status shape we know: keep it whole rather than guess
            out.add(notices.notice(out, wabaId, MESSAGES_FIELD, null, value, null));
            return;
        }
        String phoneNumberId = required(metadata, "phone_number_id", at + ".metadata.phone_number_id");
        String displayNumber = scalar(metadata, "display_phone_number", at + ".metadata.display_phone_number");
        out.phoneNumberIds.add(phoneNumberId);
        boolean understood = false;

        List<JsonNode> contacts = array(value, "contacts", at + ".contacts", false);
        int index = 0;
        for (JsonNode message : array(value, "messages", at + ".messages", false)) {
            out.add(message(out, wabaId, phoneNumberId, displayNumber, contacts, message,
                    at + ".messages[" + index++ + "]"));
            understood = true;
        }
        index = 0;
        for (JsonNode status : array(value, "statuses", at + ".statuses", false)) {
            out.add(statuses.status(out, wabaId, phoneNumberId, status, at + ".statuses[" + index++ + "]"));
            understood = true;
        }
        if (value.has("errors") || !understood) {
            out.add(notices.notice(out, wabaId, MESSAGES_FIELD, null, value, phoneNumberId));
        }
    }

    private InboundMessageReceived message(BodyRecords out, String wabaId, String phoneNumberId, String displayNumber,
                                           List<JsonNode> contacts, JsonNode message, String at) {
        requireObject(message, at);
        String from = required(message, "from", at + ".from");
        String wamid = required(message, "id", at + ".id");
        Instant sentAt = epochSeconds(message, "timestamp", at + ".timestamp");
        String type = scalar(message, "type", at + ".type");
        JsonNode contact = contacts.stream()
                .filter(c -> c.isObject() && from.equals(c.path("wa_id").asString(null)))
                .findFirst().orElse(contacts.size() == 1 && contacts.getFirst().isObject() ? contacts.getFirst() : null);
        String profileName = contact == null ? null : optionalText(contact.path("profile"), "name");
        String userId = contact == null ? null : optionalText(contact, "user_id");
        if (userId == null) {
            userId = optionalText(message, "from_user_id");
        }
        InboundContent content = contents.read(type, message);
        String unmodelled = ContentReader.unmodelled(content);
        if (unmodelled != null) {
            out.unmodelledTypes.add(unmodelled);
        }
        String id = BodyRecords.id("message", phoneNumberId, wamid);
        return new InboundMessageReceived(id, out.receivedAt, phoneNumberId, displayNumber, wabaId, from, userId,
                profileName, wamid, sentAt, type, context(message.get("context")), content);
    }

    private static ReplyContext context(JsonNode context) {
        if (context == null || !context.isObject()) {
            return null;
        }
        JsonNode product = context.path("referred_product");
        return new ReplyContext(optionalText(context, "from"), optionalText(context, "id"),
                optionalBoolean(context, "forwarded"), optionalBoolean(context, "frequently_forwarded"),
                product.isObject() ? optionalText(product, "product_retailer_id") : null);
    }
}
