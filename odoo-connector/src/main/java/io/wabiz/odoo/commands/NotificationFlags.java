package io.wabiz.odoo.commands;

import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code NotificationRecorded} → a {@code write} of the document's {@code x_whatsapp_*_sent} flag and its
 * {@code _date} (the custom fields of the connector's {@code odoo-addon}), once per notification.
 */
public final class NotificationFlags {

    private final Odoo odoo;
    private final CommandLog log;

    public NotificationFlags(Odoo odoo, CommandLog log) {
        this.odoo = odoo;
        this.log = log;
    }

    public static String key(NotificationRecorded notification) {
        return "flag:" + notification.id();
    }

    public Outcome apply(NotificationRecorded notification) {
        if (notification.kind() == null || notification.documentType() == null) {
            throw new IllegalArgumentException("NotificationRecorded " + notification.id() + " has no kind or document type");
        }
        String model = switch (notification.documentType()) {
            case SALES_ORDER -> "sale.order";
            case INVOICE -> "account.move";
            case PARTNER -> "res.partner";
        };
        long id = Commands.odooId(notification.documentId(), model);
        String key = key(notification);
        AppliedCommand entry = log.find(key);
        if (entry != null && entry.finished()) {
            return new Outcome(entry.status(), "already written: " + entry.outcome());
        }
        log.begin(key, notification.id(), "flag", notification.documentId());
        String flag = notification.kind().erpFlag();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(flag, true);
        values.put(flag + "_date", OdooValues.format(Commands.utc(notification.sentAt() != null
                ? notification.sentAt() : notification.occurredAt())));
        odoo.write(client -> client.execute(model, "write", List.of(List.of(id), values), Map.of()));
        String outcome = flag + " set on " + notification.documentId();
        log.finish(key, AppliedCommand.Status.APPLIED, outcome);
        return Outcome.applied(outcome);
    }
}
