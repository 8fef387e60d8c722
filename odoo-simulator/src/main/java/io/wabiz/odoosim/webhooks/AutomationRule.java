package io.wabiz.odoosim.webhooks;

import java.util.List;

/**
 * An automation rule "On save" ({@code on_create_or_write}) whose server action is "Send Webhook Notification",
 * as an Odoo administrator sets it up (Settings, Technical, Automation Rules).
 *
 * @param actionId      the server action's id, shown in {@code _action} as {@code "<name>(#<id>)"}
 * @param fields        {@code webhook_field_ids}: what the body carries besides {@code _action}, {@code _id}, {@code _model}
 * @param triggerFields {@code trigger_field_ids}: a write fires only when one of them changed; empty: every write
 * @param domain        {@code filter_domain} ("Apply on"), such as {@code [["move_type", "=", "out_invoice"]]}
 */
public record AutomationRule(long actionId, String name, String model, String url, List<String> fields,
                             List<String> triggerFields, List<Object> domain) {

    public AutomationRule {
        name = name == null || name.isBlank() ? "Send Webhook Notification" : name;
        fields = fields == null ? List.of() : List.copyOf(fields);
        triggerFields = triggerFields == null ? List.of() : List.copyOf(triggerFields);
        domain = domain == null ? List.of() : List.copyOf(domain);
        if (model == null || url == null) {
            throw new IllegalArgumentException("an automation rule needs a model and a url");
        }
    }
}
