package io.wabiz.ingress.normalise;

import static io.wabiz.ingress.normalise.JsonFields.errors;
import static io.wabiz.ingress.normalise.JsonFields.firstText;
import static io.wabiz.ingress.normalise.JsonFields.optionalText;

import io.wabiz.events.whatsapp.AccountNoticeReceived;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything of a body that is not a message or a status (template status, quality, account updates, future
 * fields, {@code value.errors}, a status name Meta added later) is kept as an {@link AccountNoticeReceived}
 * with its raw value, so nothing is dropped.
 */
final class NoticeReader {

    private final JsonMapper json;

    NoticeReader(JsonMapper json) {
        this.json = json;
    }

    AccountNoticeReceived notice(BodyRecords out, String wabaId, String field, String entryTime, JsonNode value,
                                 String phoneNumberId) {
        String raw = json.writeValueAsString(value);
        String event = firstText(value, "event", "decision", "status");
        String templateId = optionalText(value, "message_template_id");
        String templateName = optionalText(value, "message_template_name");
        AccountNoticeReceived.TemplateRef template = templateId == null && templateName == null ? null
                : new AccountNoticeReceived.TemplateRef(templateId, templateName,
                        optionalText(value, "message_template_language"));
        if (phoneNumberId == null && value.path("metadata").isObject()) {
            phoneNumberId = optionalText(value.path("metadata"), "phone_number_id");
        }
        String id = BodyRecords.id("notice", wabaId, field, entryTime, String.valueOf(out.noticeIndex++), raw);
        return new AccountNoticeReceived(id, out.receivedAt, wabaId, field, event, phoneNumberId, template,
                firstText(value, "reason", "rejection_reason"), errors(value.get("errors")), raw);
    }
}
