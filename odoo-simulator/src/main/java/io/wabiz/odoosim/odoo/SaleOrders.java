package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sale.order}: numbering, totals from the lines, and the buttons with their version-specific answers
 * (O16/O17/O18 {@code addons/sale/models/sale_order.py}): {@code action_confirm}, {@code action_cancel} (the
 * cancel wizard's window action unless {@code disable_cancel_warning}), {@code action_draft},
 * {@code action_quotation_sent}, 17+'s {@code action_lock}/{@code action_unlock}, 16's {@code action_done}.
 */
final class SaleOrders implements ModelBehaviour {

    static final String MODEL = "sale.order";

    /** "Lock Confirmed Sales" ({@code sale.group_auto_done_setting}). */
    private final boolean lockConfirmed;

    SaleOrders(boolean lockConfirmed) {
        this.lockConfirmed = lockConfirmed;
    }

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        long company = values.get("company_id") instanceof Long c ? c : tx.env().companyId();
        values.putIfAbsent("company_id", company);
        values.putIfAbsent("date_order", tx.now());
        values.putIfAbsent("state", "draft");
        if (tx.database().odooVersion().atLeast(17)) {
            values.putIfAbsent("locked", Boolean.FALSE);
        }
        values.putIfAbsent("currency_id", tx.get("res.company", company, "currency_id"));
        values.putIfAbsent("user_id", tx.env().uid());
        values.putIfAbsent("validity_date", Rows.today(tx).plusDays(30));
        values.putIfAbsent("invoice_status", "no");
        values.putIfAbsent("amount_untaxed", 0.0);
        values.putIfAbsent("amount_tax", 0.0);
        values.putIfAbsent("amount_total", 0.0);
        if (values.get("name") == null || "New".equals(values.get("name"))) {
            values.put("name", Sequences.next(tx, "sale.order", "S", 5, company, Rows.today(tx).getYear()));
        }
    }

    @Override
    public void created(Transaction tx, long id) {
        recompute(tx, id);
    }

    @Override
    public void unlinking(Transaction tx, Collection<Long> ids) {
        for (Long id : ids) {
            String state = (String) tx.get(MODEL, id, "state");
            if (!"draft".equals(state) && !"cancel".equals(state)) {
                throw OdooError.userError("You can not delete a sent quotation or a confirmed sales order. You must "
                        + "first cancel it.");
            }
        }
    }

    /** Totals and invoice status from the lines; a change stamps the order's {@code write_date} too. */
    static void recompute(Transaction tx, long orderId) {
        Map<String, Object> order = tx.row(MODEL, orderId);
        if (order == null) {
            return;
        }
        Long currency = Rows.id(order, "currency_id");
        double untaxed = 0;
        double tax = 0;
        boolean toInvoice = false;
        boolean anyInvoiceable = false;
        boolean allInvoiced = true;
        for (Long lineId : tx.children("sale.order.line", "order_id", orderId)) {
            Map<String, Object> line = tx.row("sale.order.line", lineId);
            untaxed += Rows.number(line, "price_subtotal");
            tax += Rows.number(line, "price_tax");
            if (line.get("display_type") == null) {
                double remaining = SaleOrderLines.quantityToInvoice(tx, line);
                anyInvoiceable = true;
                toInvoice |= remaining > 0;
                allInvoiced &= remaining <= 0 && Rows.number(line, "qty_invoiced") > 0;
            }
        }
        String state = (String) order.get("state");
        String invoiceStatus = !"sale".equals(state) && !"done".equals(state) ? "no"
                : toInvoice ? "to invoice" : anyInvoiceable && allInvoiced ? "invoiced" : "no";
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("amount_untaxed", Rows.round(tx, currency, untaxed));
        totals.put("amount_tax", Rows.round(tx, currency, tax));
        totals.put("amount_total", Rows.round(tx, currency, untaxed + tax));
        totals.put("invoice_status", invoiceStatus);
        tx.update(MODEL, orderId, totals, false);
    }

    @Override
    public void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
        if (fields.contains("order_line") || fields.contains("state") || fields.contains("currency_id")) {
            ids.forEach(id -> recompute(tx, id));
        }
    }

    @Override
    public Object compute(Transaction tx, long id, Field field) {
        Map<String, Object> order = tx.row(MODEL, id);
        Long currency = Rows.id(order, "currency_id");
        return switch (field.name()) {
            case "type_name" -> "draft".equals(order.get("state")) || "sent".equals(order.get("state"))
                    || "cancel".equals(order.get("state")) ? "Quotation" : "Sales Order";
            case "tax_totals" -> {
                List<Map<String, Object>> lines = new ArrayList<>();
                tx.children("sale.order.line", "order_id", id).forEach(l -> lines.add(tx.row("sale.order.line", l)));
                yield TaxTotals.build(tx, currency, Rows.number(order, "amount_untaxed"),
                        TaxTotals.group(tx, currency, lines, "tax_id"));
            }
            case "amount_invoiced" -> invoiced(tx, order);
            case "amount_to_invoice" -> "sale".equals(order.get("state"))
                    ? Rows.round(tx, currency, Rows.number(order, "amount_total") - invoiced(tx, order)) : 0.0;
            default -> null;
        };
    }

    private static double invoiced(Transaction tx, Map<String, Object> order) {
        double sum = 0;
        for (Long invoice : Rows.ids(order, "invoice_ids")) {
            Map<String, Object> move = tx.row("account.move", invoice);
            if (move != null && "posted".equals(move.get("state"))) {
                sum += Rows.number(move, "amount_total");
            }
        }
        return sum;
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        return Rows.string(values, "name");
    }

    @Override
    public Optional<RpcMethod> method(String name) {
        return Optional.ofNullable(switch (name) {
            case "action_confirm" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> confirm(tx, ids));
            case "action_cancel" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> cancel(tx, ids));
            case "action_draft" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                for (Long id : ids) {
                    String state = (String) Rows.require(tx, MODEL, id).get("state");
                    if ("cancel".equals(state) || "sent".equals(state)) {
                        tx.update(MODEL, id, Map.of("state", "draft"), true);
                    }
                }
                return true;
            });
            case "action_quotation_sent" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                for (Long id : ids) {
                    if (!"draft".equals(Rows.require(tx, MODEL, id).get("state"))) {
                        throw OdooError.userError("Only draft orders can be marked as sent directly.");
                    }
                }
                ids.forEach(id -> tx.update(MODEL, id, Map.of("state", "sent"), true));
                return null;
            });
            case "action_lock" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                if (!tx.database().odooVersion().atLeast(17)) {
                    throw OdooError.attributeError("type object 'sale.order' has no attribute 'action_lock'");
                }
                ids.forEach(id -> tx.update(MODEL, id, Map.of("locked", true), true));
                return null;
            });
            case "action_unlock" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                if (tx.database().odooVersion().atLeast(17)) {
                    ids.forEach(id -> tx.update(MODEL, id, Map.of("locked", false), true));
                    return null;
                }
                ids.forEach(id -> tx.update(MODEL, id, Map.of("state", "sale"), true));
                return true;
            });
            case "action_done" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                if (tx.database().odooVersion().atLeast(17)) {
                    throw OdooError.attributeError("type object 'sale.order' has no attribute 'action_done'");
                }
                ids.forEach(id -> tx.update(MODEL, id, Map.of("state", "done"), true));
                return true;
            });
            case "message_post" -> Chatter.messagePost(MODEL);
            default -> null;
        });
    }

    private Object confirm(Transaction tx, List<Long> ids) {
        int version = tx.database().odooVersion().major();
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Long id : ids) {
            orders.add(Rows.require(tx, MODEL, id));
        }
        if (version == 16) {
            if (orders.stream().anyMatch(o -> "done".equals(o.get("state")) || "cancel".equals(o.get("state")))) {
                throw OdooError.userError("It is not allowed to confirm an order in the following states: done, "
                        + "cancel");
            }
        } else {
            List<String> refused = orders.stream()
                    .filter(o -> !"draft".equals(o.get("state")) && !"sent".equals(o.get("state")))
                    .map(o -> Rows.string(o, "name")).toList();
            if (!refused.isEmpty()) {
                throw OdooError.userError(version >= 18 ? "Some orders are not in a state requiring confirmation."
                        : "The following orders are not in a state requiring confirmation: "
                        + String.join(", ", refused));
            }
            if (version >= 18) {
                for (Long id : ids) {
                    for (Long lineId : tx.children("sale.order.line", "order_id", id)) {
                        Map<String, Object> line = tx.row("sale.order.line", lineId);
                        if (line.get("display_type") == null && line.get("product_id") == null) {
                            throw OdooError.userError("A line on these orders missing a product, you cannot "
                                    + "confirm it.");
                        }
                    }
                }
            }
        }
        for (Long id : ids) {
            Map<String, Object> confirmation = new LinkedHashMap<>();
            confirmation.put("state", "sale");
            confirmation.put("date_order", tx.now());
            tx.update(MODEL, id, confirmation, true);
            if (lockConfirmed) {
                tx.update(MODEL, id, version == 16 ? Map.of("state", "done") : Map.of("locked", true), true);
            }
            recompute(tx, id);
            Chatter.log(tx, MODEL, id, "Quotation → Sales Order (Status)");
        }
        return true;
    }

    private static Object cancel(Transaction tx, List<Long> ids) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Long id : ids) {
            orders.add(Rows.require(tx, MODEL, id));
        }
        if (tx.database().odooVersion().atLeast(17) && orders.stream().anyMatch(o -> Rows.flag(o, "locked"))) {
            throw OdooError.userError("You cannot cancel a locked order. Please unlock it first.");
        }
        boolean showWizard = !tx.env().flag("disable_cancel_warning")
                && orders.stream().anyMatch(o -> !"draft".equals(o.get("state")));
        if (showWizard) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("default_template_id", 13L);
            context.put("default_order_id", ids.getFirst());
            context.put("mark_so_as_canceled", true);
            context.put("default_email_layout_xmlid", "mail.mail_notification_layout_with_responsible_signature");
            context.put("model_description", "Sales Order");
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("name", "Cancel Sales Order");
            action.put("view_mode", "form");
            action.put("res_model", "sale.order.cancel");
            action.put("view_id", 873L);
            action.put("type", "ir.actions.act_window");
            action.put("context", context);
            action.put("target", "new");
            return action;
        }
        for (Long id : ids) {
            for (Long invoice : Rows.ids(tx.row(MODEL, id), "invoice_ids")) {
                if ("draft".equals(tx.get("account.move", invoice, "state"))) {
                    tx.update("account.move", invoice, Map.of("state", "cancel"), true);
                }
            }
            tx.update(MODEL, id, Map.of("state", "cancel"), true);
            recompute(tx, id);
            Chatter.log(tx, MODEL, id, "Sales Order → Cancelled (Status)");
        }
        return true;
    }

    /**
     * An invoice made from orders was posted, reset or cancelled: the invoiced quantities of their lines
     * count the invoice lines of invoices that are not cancelled.
     */
    static void invoiceChanged(Transaction tx, long moveId) {
        Set<Long> orders = new java.util.LinkedHashSet<>();
        for (Long orderId : tx.ids(MODEL)) {
            if (Rows.ids(tx.row(MODEL, orderId), "invoice_ids").contains(moveId)) {
                orders.add(orderId);
            }
        }
        orders.forEach(order -> recomputeInvoiced(tx, order));
    }

    static void recomputeInvoiced(Transaction tx, long orderId) {
        Map<Long, Double> invoiced = new LinkedHashMap<>();
        for (Long moveId : Rows.ids(tx.row(MODEL, orderId), "invoice_ids")) {
            if ("cancel".equals(tx.get("account.move", moveId, "state"))) {
                continue;
            }
            for (Long lineId : tx.children(InvoiceLines.MODEL, "move_id", moveId)) {
                Map<String, Object> line = tx.row(InvoiceLines.MODEL, lineId);
                if (line.get(InvoiceLines.SALE_LINE) instanceof Long saleLine) {
                    invoiced.merge(saleLine, Rows.number(line, "quantity"), Double::sum);
                }
            }
        }
        for (Long lineId : tx.children(SaleOrderLines.MODEL, "order_id", orderId)) {
            tx.update(SaleOrderLines.MODEL, lineId, Map.of("qty_invoiced", invoiced.getOrDefault(lineId, 0.0)), false);
        }
        recompute(tx, orderId);
    }

    /** The orders of the page, newest first. */
    static List<Long> all(Transaction tx) {
        return Orm.search(tx, tx.model(MODEL), List.of(), 0, null, "id desc");
    }
}
