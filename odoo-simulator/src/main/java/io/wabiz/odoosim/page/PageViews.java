package io.wabiz.odoosim.page;

import io.wabiz.odoosim.odoo.Chatter;
import io.wabiz.odoosim.odoo.WhatsAppFields;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.ReadMode;
import io.wabiz.odoosim.orm.Transaction;
import io.wabiz.odoosim.orm.Values;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the page shows, read the way Odoo's own views read it (through the ORM, classic format). */
final class PageViews {

    private static final List<String> PARTNER_FIELDS = List.of("name", "display_name", "phone", "mobile", "email",
            "lang", "country_id", "is_company", "active", "write_date");
    private static final List<String> ORDER_FIELDS = List.of("name", "partner_id", "state", "date_order",
            "validity_date", "currency_id", "amount_untaxed", "amount_tax", "amount_total", "invoice_status",
            "invoice_ids", "write_date", "user_id", "company_id");
    private static final List<String> LINE_FIELDS = List.of("sequence", "display_type", "product_id", "name",
            "product_uom_qty", "product_uom", "price_unit", "discount", "price_subtotal", "price_total", "qty_invoiced");
    private static final List<String> INVOICE_FIELDS = List.of("name", "move_type", "state", "payment_state",
            "partner_id", "invoice_date", "invoice_date_due", "currency_id", "amount_untaxed", "amount_tax",
            "amount_total", "amount_residual", "invoice_origin", "payment_reference", "write_date", "company_id");
    private static final List<String> INVOICE_LINE_FIELDS = List.of("display_type", "product_id", "name", "quantity",
            "price_unit", "discount", "price_subtotal", "price_total");

    private PageViews() {
    }

    static Map<String, Object> overview(Transaction tx) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("partners", read(tx, "res.partner", Orm.search(tx, tx.model("res.partner"),
                List.of(List.of("id", ">", 4L)), 0, null, "name"), PARTNER_FIELDS));
        view.put("products", read(tx, "product.product", Orm.search(tx, tx.model("product.product"), List.of(), 0,
                null, "default_code"), List.of("display_name", "list_price", "default_code")));
        List<Map<String, Object>> orders = read(tx, "sale.order", Orm.search(tx, tx.model("sale.order"), List.of(),
                0, 200L, "id desc"), ORDER_FIELDS);
        orders.forEach(order -> order.put("flags", flags(tx, "sale.order", (Long) order.get("id"))));
        view.put("orders", orders);
        List<Map<String, Object>> invoices = read(tx, "account.move", Orm.search(tx, tx.model("account.move"),
                List.of(List.of("move_type", "=", "out_invoice")), 0, 200L, "id desc"), INVOICE_FIELDS);
        invoices.forEach(invoice -> invoice.put("flags", flags(tx, "account.move", (Long) invoice.get("id"))));
        view.put("invoices", invoices);
        view.put("orderCount", (long) Orm.search(tx, tx.model("sale.order"), List.of(), 0, null, "id").size());
        return view;
    }

    static Map<String, Object> order(Transaction tx, long id) {
        Map<String, Object> order = read(tx, "sale.order", List.of(id), ORDER_FIELDS).getFirst();
        order.put("lines", read(tx, "sale.order.line", tx.children("sale.order.line", "order_id", id), LINE_FIELDS));
        order.put("flags", flags(tx, "sale.order", id));
        order.put("chatter", chatter(tx, "sale.order", id));
        order.put("invoices", read(tx, "account.move", idsOf(order.get("invoice_ids")), INVOICE_FIELDS));
        return order;
    }

    static Map<String, Object> invoice(Transaction tx, long id) {
        Map<String, Object> invoice = read(tx, "account.move", List.of(id), INVOICE_FIELDS).getFirst();
        invoice.put("lines", read(tx, "account.move.line", idsOf(Orm.storedOrComputed(tx, tx.model("account.move"), id,
                tx.model("account.move").require("invoice_line_ids"))), INVOICE_LINE_FIELDS));
        invoice.put("flags", flags(tx, "account.move", id));
        invoice.put("chatter", chatter(tx, "account.move", id));
        Object widget = Orm.read(tx, tx.model("account.move"), List.of(id), List.of("invoice_payments_widget"),
                ReadMode.CLASSIC).getFirst().get("invoice_payments_widget");
        invoice.put("payments", widget instanceof Map<?, ?> w ? w.get("content") : List.of());
        return invoice;
    }

    /** Each {@code x_whatsapp_*} flag of the record with its date, or absent when the custom fields are missing. */
    static List<Map<String, Object>> flags(Transaction tx, String modelName, long id) {
        Model model = tx.model(modelName);
        List<Map<String, Object>> flags = new ArrayList<>();
        for (String flag : WhatsAppFields.flags(modelName)) {
            if (!model.has(flag)) {
                continue;
            }
            Map<String, Object> row = tx.row(modelName, id);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("field", flag);
            view.put("label", model.require(flag).label());
            view.put("set", Boolean.TRUE.equals(row.get(flag)));
            Object date = row.get(flag + "_date");
            view.put("date", date instanceof LocalDateTime d ? Values.seconds(d) : null);
            flags.add(view);
        }
        return flags;
    }

    private static List<Map<String, Object>> chatter(Transaction tx, String model, long id) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Map<String, Object> row : Chatter.of(tx, model, id)) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", row.get("id"));
            message.put("date", row.get("date") instanceof LocalDateTime d ? Values.seconds(d) : null);
            message.put("body", row.get("body"));
            message.put("messageType", row.get("message_type"));
            Object author = row.get("author_id");
            message.put("author", author instanceof Long a ? Orm.displayName(tx, "res.partner", a) : null);
            messages.add(message);
        }
        return messages;
    }

    private static List<Map<String, Object>> read(Transaction tx, String model, List<Long> ids, List<String> fields) {
        List<String> present = fields.stream().filter(tx.model(model)::has).toList();
        return new ArrayList<>(Orm.read(tx, tx.model(model), ids, present, ReadMode.CLASSIC));
    }

    private static List<Long> idsOf(Object value) {
        return value instanceof List<?> list ? list.stream().map(v -> ((Number) v).longValue()).toList() : List.of();
    }
}
