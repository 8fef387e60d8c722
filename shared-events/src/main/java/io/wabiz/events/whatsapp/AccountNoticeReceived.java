package io.wabiz.events.whatsapp;

import io.wabiz.events.Immutables;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.List;

/**
 * A webhook change that is not a message or status: template status, quality, account review or
 * update, phone number name, or errors Meta reports in {@code value.errors}. Kept with its raw value.
 *
 * @param field Meta's {@code changes[].field}, such as {@code message_template_status_update}
 * @param event Meta's {@code value.event}, such as {@code APPROVED} or {@code FLAGGED}
 */
public record AccountNoticeReceived(String id, Instant occurredAt, String wabaId, String field, String event,
                                    String businessPhoneNumberId, TemplateRef template, String reason,
                                    List<MetaError> errors, String rawValue) implements TopicRecord {

    public AccountNoticeReceived {
        errors = Immutables.list(errors);
    }

    @Override
    public String key() {
        return wabaId;
    }

    public record TemplateRef(String templateId, String name, String language) {
    }
}
