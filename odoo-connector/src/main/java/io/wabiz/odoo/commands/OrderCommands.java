package io.wabiz.odoo.commands;

import io.wabiz.events.erp.CustomerTap;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooValues;
import io.wabiz.odoo.sync.OdooCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A customer's tap that confirms or cancels an order: the order is read first and acted on only while it is a
 * quotation (not locked); the tap's {@code wamid} goes to the order's chatter as the proof, and a confirmation
 * sets {@code x_whatsapp_validated} with its date. A tap on an order that moved on does nothing in the order and
 * says so in its chatter. Each call is its own Odoo transaction: the steps done are kept, so a redelivery after a
 * crash or a lost answer goes on where it stopped, and never confirms twice (16 would).
 */
public final class OrderCommands {

    private static final String MODEL = "sale.order";

    private final Odoo odoo;
    private final OdooCatalog catalog;
    private final CommandLog log;
    private final ConnectorProperties.Commands settings;
    private final Clock clock;

    public OrderCommands(Odoo odoo, OdooCatalog catalog, CommandLog log, ConnectorProperties.Commands settings,
                         Clock clock) {
        this.odoo = odoo;
        this.catalog = catalog;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param confirm true for {@code ConfirmSalesOrder}, false for {@code CancelSalesOrder} */
    public Outcome apply(boolean confirm, String commandId, String orderId, CustomerTap tap) {
        long id = Commands.odooId(orderId, MODEL);
        String type = confirm ? "confirm" : "cancel";
        String key = key(confirm, commandId, orderId, tap);
        AppliedCommand entry = log.find(key);
        if (entry != null && entry.finished()) {
            return new Outcome(entry.status(), "already handled: " + entry.outcome());
        }
        entry = log.begin(key, commandId, type, orderId);
        JsonNode order = readOrder(id);
        if (order == null) {
            return refuse(key, "the order no longer exists in Odoo");
        }
        String state = order.path("state").asString("");
        boolean locked = order.path("locked").asBoolean(false) || "done".equals(state);
        String target = confirm ? "sale" : "cancel";
        boolean ours = entry.did(type) || entry.did(type + "-started");
        if (ours && target.equals(state)) {
            log.step(key, type); // our earlier call went through, its answer was lost
        } else if (ours && entry.did(type)) {
            return refuseWithNote(key, id, tap, confirm, "changed again in Odoo since (" + describe(state, locked) + ")");
        } else {
            if (!("draft".equals(state) || "sent".equals(state)) || locked) {
                return refuseWithNote(key, id, tap, confirm, describe(state, locked));
            }
            log.step(key, type + "-started");
            act(confirm, id);
            log.step(key, type);
        }
        AppliedCommand now = log.find(key);
        if (!now.did("proof")) {
            String template = confirm ? settings.confirmedProof() : settings.cancelledProof();
            odoo.write(client -> client.execute(MODEL, "message_post", List.of(List.of(id)), note(fill(template, tap,
                    confirm, null))));
            log.step(key, "proof");
        }
        if (confirm && !now.did("flag") && catalog.has(MODEL, "x_whatsapp_validated")) {
            Map<String, Object> flag = new LinkedHashMap<>();
            flag.put("x_whatsapp_validated", true);
            if (catalog.has(MODEL, "x_whatsapp_validated_date")) {
                flag.put("x_whatsapp_validated_date", OdooValues.format(Commands.utc(tap == null || tap.tappedAt() == null
                        ? clock.instant() : tap.tappedAt())));
            }
            odoo.write(client -> client.execute(MODEL, "write", List.of(List.of(id), flag), Map.of()));
            log.step(key, "flag");
        }
        String outcome = (confirm ? "confirmed " : "cancelled ") + order.path("name").asString(orderId)
                + " (proof in the chatter)";
        log.finish(key, AppliedCommand.Status.APPLIED, outcome);
        return Outcome.applied(outcome);
    }

    /** One tap, one command: the tap's message id (a second tap is another command, refused if the order moved on). */
    public static String key(boolean confirm, String commandId, String orderId, CustomerTap tap) {
        return (confirm ? "confirm" : "cancel") + ":" + orderId + ":"
                + (tap != null && tap.wamid() != null ? tap.wamid() : commandId);
    }

    private JsonNode readOrder(long id) {
        List<String> fields = catalog.existing(MODEL, List.of("name", "state", "locked", "write_date"));
        JsonNode rows = odoo.read(client -> client.read(MODEL, List.of(id), fields, Map.of()));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * {@code action_confirm}, or {@code action_cancel} with {@code disable_cancel_warning} (without it Odoo answers
     * the cancel wizard's window action and cancels nothing). A refusal is read again: if the order got where the
     * command wanted meanwhile (our own earlier call went through), it is done.
     */
    private void act(boolean confirm, long id) {
        try {
            JsonNode result = odoo.write(client -> client.execute(MODEL, confirm ? "action_confirm" : "action_cancel",
                    List.of(List.of(id)), confirm ? Map.of() : Map.of("context", Map.of("disable_cancel_warning",
                            true))));
            if (result.isObject() && result.has("type")) {
                throw new OdooFault("odoo.exceptions.UserError", "Odoo answered a window action ("
                        + result.path("res_model").asString("?") + ") instead of cancelling", MODEL, "action_cancel");
            }
        } catch (OdooFault fault) {
            JsonNode after = readOrder(id);
            String wanted = confirm ? "sale" : "cancel";
            if (after != null && wanted.equals(after.path("state").asString(""))) {
                return;
            }
            throw fault;
        }
    }

    private Outcome refuse(String key, String why) {
        log.finish(key, AppliedCommand.Status.REFUSED, why);
        return Outcome.refused(why);
    }

    private Outcome refuseWithNote(String key, long id, CustomerTap tap, boolean confirm, String state) {
        AppliedCommand entry = log.find(key);
        if (!entry.did("note")) {
            odoo.write(client -> client.execute(MODEL, "message_post", List.of(List.of(id)),
                    note(fill(settings.refusedNote(), tap, confirm, state))));
            log.step(key, "note");
        }
        return refuse(key, "nothing done: the order is " + state);
    }

    private static String describe(String state, boolean locked) {
        if (locked) {
            return "locked";
        }
        return switch (state) {
            case "sale" -> "already confirmed";
            case "cancel" -> "cancelled";
            case "done" -> "locked";
            default -> "in state " + state;
        };
    }

    static Map<String, Object> note(String body) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("body", body);
        kwargs.put("message_type", "comment");
        kwargs.put("subtype_xmlid", "mail.mt_note");
        return kwargs;
    }

    private static String fill(String template, CustomerTap tap, boolean confirm, String state) {
        List<String[]> values = new ArrayList<>();
        values.add(new String[] {"{wamid}", tap == null || tap.wamid() == null ? "no message id" : tap.wamid()});
        values.add(new String[] {"{phone}", tap == null || tap.customerWaId() == null ? "an unknown number"
                : "+" + tap.customerWaId()});
        values.add(new String[] {"{action}", confirm ? "Confirm" : "Cancel"});
        values.add(new String[] {"{state}", state == null ? "" : state});
        String text = template;
        for (String[] value : values) {
            text = text.replace(value[0], value[1]);
        }
        return text;
    }
}
