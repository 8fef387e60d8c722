package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.RecordWrites;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sale.advance.payment.inv} ("Create Invoice" on an order): {@code create} with the orders in
 * {@code context.active_ids}, then {@code create_invoices}, which makes one draft customer invoice per order
 * from what is left to invoice and returns the invoice's window action (the recorded Odoo 17 shape).
 */
final class InvoicingWizard implements ModelBehaviour {

    static final String MODEL = "sale.advance.payment.inv";

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        values.putIfAbsent("advance_payment_method", "delivered");
        if (values.get("sale_order_ids") == null && "sale.order".equals(tx.env().context("active_model"))) {
            values.put("sale_order_ids", Orm.ids(tx.env().context("active_ids")));
        }
    }

    @Override
    public Optional<RpcMethod> method(String name) {
        if (!name.equals("create_invoices")) {
            return Optional.empty();
        }
        return Optional.of(RpcMethod.onRecords((tx, ids, args, kwargs) -> {
            long wizard = Rows.single(MODEL, ids);
            Map<String, Object> row = Rows.require(tx, MODEL, wizard);
            if (!"delivered".equals(row.get("advance_payment_method"))) {
                throw OdooError.userError("The stand-in makes regular invoices only (advance_payment_method "
                        + "'delivered'), not down payments.");
            }
            List<Long> invoices = new ArrayList<>();
            for (Long order : Rows.ids(row, "sale_order_ids")) {
                invoices.add(invoice(tx, order));
            }
            return action(tx, invoices);
        }));
    }

    /** A draft invoice of what is left to invoice on the order. */
    static long invoice(Transaction tx, long orderId) {
        Map<String, Object> order = Rows.require(tx, SaleOrders.MODEL, orderId);
        List<Object> lines = new ArrayList<>();
        for (Long lineId : tx.children(SaleOrderLines.MODEL, "order_id", orderId)) {
            Map<String, Object> line = tx.row(SaleOrderLines.MODEL, lineId);
            Map<String, Object> vals = new LinkedHashMap<>();
            if (line.get("display_type") != null) {
                vals.put("display_type", line.get("display_type"));
                vals.put("name", line.get("name"));
            } else {
                double quantity = SaleOrderLines.quantityToInvoice(tx, line);
                if (quantity <= 0) {
                    continue;
                }
                vals.put("display_type", "product");
                vals.put("product_id", line.get("product_id"));
                vals.put("name", line.get("name"));
                vals.put("quantity", quantity);
                vals.put("price_unit", line.get("price_unit"));
                vals.put("discount", line.get("discount"));
                vals.put("product_uom_id", line.get("product_uom"));
                vals.put("tax_ids", List.of(List.of(6L, 0L, Rows.ids(line, "tax_id"))));
                vals.put("sequence", line.get("sequence"));
            }
            vals.put("__sale_line_id", lineId);
            lines.add(vals);
        }
        boolean anyProduct = lines.stream().anyMatch(l -> "product".equals(((Map<?, ?>) l).get("display_type")));
        if (!anyProduct || !"sale".equals(order.get("state")) && !"done".equals(order.get("state"))) {
            throw OdooError.userError("There is no invoiceable line. If a product has a Delivered quantities "
                    + "invoicing policy, please make sure that a quantity has been delivered.");
        }
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("move_type", "out_invoice");
        move.put("partner_id", order.get("partner_id"));
        move.put("company_id", order.get("company_id"));
        move.put("currency_id", order.get("currency_id"));
        move.put("invoice_origin", order.get("name"));
        move.put("invoice_user_id", order.get("user_id"));
        move.put("ref", order.get("client_order_ref"));
        long moveId = RecordWrites.create(tx, tx.model(Invoices.MODEL), move);
        for (Object line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> vals = new LinkedHashMap<>((Map<String, Object>) line);
            Object saleLine = vals.remove("__sale_line_id");
            vals.put("move_id", moveId);
            long lineId = RecordWrites.create(tx, tx.model(InvoiceLines.MODEL), vals);
            tx.update(InvoiceLines.MODEL, lineId, Map.of(InvoiceLines.SALE_LINE, saleLine), false);
        }
        List<Long> orderInvoices = new ArrayList<>(Rows.ids(tx.row(SaleOrders.MODEL, orderId), "invoice_ids"));
        orderInvoices.add(moveId);
        tx.update(SaleOrders.MODEL, orderId, Map.of("invoice_ids", List.copyOf(orderInvoices)), false);
        SaleOrders.recomputeInvoiced(tx, orderId);
        return moveId;
    }

    /** {@code account.action_move_out_invoice_type} opened on the new invoice, as recorded from Odoo 17. */
    private static Map<String, Object> action(Transaction tx, List<Long> invoices) {
        boolean v18 = tx.database().odooVersion().atLeast(18);
        Map<String, Object> first = tx.row(Invoices.MODEL, invoices.getFirst());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("default_move_type", "out_invoice");
        context.put("default_partner_id", first.get("partner_id"));
        context.put("default_partner_shipping_id", first.get("partner_id"));
        context.put("default_invoice_payment_term_id", null);
        context.put("default_invoice_origin", first.get("invoice_origin"));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", 255L);
        action.put("name", "Invoices");
        action.put("type", "ir.actions.act_window");
        action.put("xml_id", "account.action_move_out_invoice_type");
        action.put("help", "<p class=\"o_view_nocontent_smiling_face\">\n                Create a customer invoice\n"
                + "              </p><p>\n                Create invoices, register payments and keep track of the "
                + "discussions with your customers.\n              </p>\n            ");
        action.put("binding_model_id", false);
        action.put("binding_type", "action");
        action.put("binding_view_types", "list,form");
        action.put("display_name", "Invoices");
        action.put("view_id", List.of(673L, "account.out.invoice.tree"));
        action.put("domain", "[('move_type', '=', 'out_invoice')]");
        action.put("context", context);
        if (invoices.size() == 1) {
            action.put("res_id", invoices.getFirst());
        } else {
            action.put("domain", "[('id', 'in', " + invoices + ")]");
        }
        action.put("res_model", "account.move");
        action.put("target", "current");
        action.put("view_mode", v18 ? "list,kanban,form,activity" : "tree,kanban,form,activity");
        action.put("mobile_view_mode", "kanban");
        action.put("views", List.of(List.of(680L, "form"), List.of(673L, v18 ? "list" : "tree"),
                List.of(false, "kanban"), List.of(false, "activity")));
        action.put("limit", 80L);
        action.put("groups_id", List.of());
        action.put("search_view_id", List.of(683L, "account.invoice.select"));
        action.put("filter", false);
        return action;
    }
}
