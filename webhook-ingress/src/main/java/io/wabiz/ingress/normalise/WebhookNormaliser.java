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
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
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
    static final String ECHOES_FIELD = "smb_message_echoes";

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
                } else if (ECHOES_FIELD.equals(field) && value.path("metadata").isObject()) {
                    echoesChange(out, wabaId, value, at + ".value");
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
        // a customer with a WhatsApp username may come with only their business-scoped user id, no number
        String fromUserId = optionalText(message, "from_user_id");
        String from = fromUserId == null ? required(message, "from", at + ".from") : scalar(message, "from", at + ".from");
        String customer = from != null && !from.isBlank() ? from : fromUserId;
        String wamid = required(message, "id", at + ".id");
        Instant sentAt = epochSeconds(message, "timestamp", at + ".timestamp");
        String type = scalar(message, "type", at + ".type");
        JsonNode contact = contactOf(contacts, customer, fromUserId);
        String profileName = contact == null ? null : optionalText(contact.path("profile"), "name");
        String userId = contact == null ? null : optionalText(contact, "user_id");
        if (userId == null) {
            userId = fromUserId;
        }
        InboundContent content = contents.read(type, message);
        String unmodelled = ContentReader.unmodelled(content);
        if (unmodelled != null) {
            out.unmodelledTypes.add(unmodelled);
        }
        String id = BodyRecords.id("message", phoneNumberId, wamid);
        return new InboundMessageReceived(id, out.receivedAt, phoneNumberId, displayNumber, wabaId, customer, userId,
                profileName, wamid, sentAt, type, context(message.get("context")), content);
    }

    /** Messages the business sent from the WhatsApp Business app on the same number: outbound, in the history. */
    private void echoesChange(BodyRecords out, String wabaId, JsonNode value, String at) {
        JsonNode metadata = value.get("metadata");
        String phoneNumberId = required(metadata, "phone_number_id", at + ".metadata.phone_number_id");
        String displayNumber = scalar(metadata, "display_phone_number", at + ".metadata.display_phone_number");
        out.phoneNumberIds.add(phoneNumberId);
        int index = 0;
        for (JsonNode echo : array(value, "message_echoes", at + ".message_echoes", false)) {
            String where = at + ".message_echoes[" + index++ + "]";
            requireObject(echo, where);
            String toUserId = optionalText(echo, "to_user_id");
            String to = toUserId == null ? required(echo, "to", where + ".to") : scalar(echo, "to", where + ".to");
            if (to != null && to.equals(displayNumber)) {
                to = scalar(echo, "from", where + ".from"); // the business's own number: the customer is the other side
            }
            String customer = to != null && !to.isBlank() ? to : toUserId;
            if (customer == null || customer.isBlank()) {
                throw new MalformedWebhookException(where + ".to is missing");
            }
            String wamid = required(echo, "id", where + ".id");
            String type = scalar(echo, "type", where + ".type");
            out.add(new BusinessMessageEchoed(BodyRecords.id("echo", phoneNumberId, wamid), out.receivedAt, phoneNumberId,
                    displayNumber, wabaId, customer, toUserId, wamid, epochSeconds(echo, "timestamp", where + ".timestamp"),
                    type, contents.read(type, echo)));
        }
    }

    private static JsonNode contactOf(List<JsonNode> contacts, String customer, String userId) {
        return contacts.stream()
                .filter(c -> c.isObject() && (customer.equals(c.path("wa_id").asString(null))
                        || userId != null && userId.equals(c.path("user_id").asString(null))))
                .findFirst().orElse(contacts.size() == 1 && contacts.getFirst().isObject() ? contacts.getFirst() : null);
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
