package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.Transaction;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code sale.order.line}: the product's description, price, unit and taxes by default; subtotal, tax and
 * total per line (rounded per line, Odoo's default); section and note lines carry only text.
 */
final class SaleOrderLines implements ModelBehaviour {

    static final String MODEL = "sale.order.line";

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        values.putIfAbsent("sequence", 10L);
        Long order = values.get("order_id") instanceof Long o ? o : null;
        if (order != null) {
            values.putIfAbsent("company_id", tx.get(SaleOrders.MODEL, order, "company_id"));
            values.putIfAbsent("currency_id", tx.get(SaleOrders.MODEL, order, "currency_id"));
        }
        if (values.get("display_type") != null) {
            values.remove("product_id");
            values.put("product_uom_qty", 0.0);
            values.put("price_unit", 0.0);
            values.putIfAbsent("name", "");
            return;
        }
        Long product = values.get("product_id") instanceof Long p ? p : null;
        if (product != null) {
            Map<String, Object> row = tx.row("product.product", product);
            if (values.get("name") == null) {
                String name = io.wabiz.odoosim.orm.Orm.displayName(tx, "product.product", product);
                String description = Rows.string(row, "description_sale");
                values.put("name", description == null ? name : name + "\n" + description);
            }
            values.putIfAbsent("price_unit", Rows.number(row, "list_price"));
            values.putIfAbsent("product_uom", row.get("uom_id"));
            values.putIfAbsent("tax_id", Rows.ids(row, "taxes_id"));
        }
        values.putIfAbsent("product_uom_qty", 1.0);
        values.putIfAbsent("discount", 0.0);
        values.putIfAbsent("qty_delivered", 0.0);
        values.putIfAbsent("qty_invoiced", 0.0);
        values.putIfAbsent("is_downpayment", Boolean.FALSE);
    }

    @Override
    public void created(Transaction tx, long id) {
        computeAmounts(tx, id);
        SaleOrders.recompute(tx, (Long) tx.get(MODEL, id, "order_id"));
    }

    @Override
    public void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
        Set<Long> orders = new LinkedHashSet<>();
        for (Long id : ids) {
            computeAmounts(tx, id);
            orders.add((Long) tx.get(MODEL, id, "order_id"));
        }
        orders.forEach(order -> SaleOrders.recompute(tx, order));
    }

    @Override
    public void unlinking(Transaction tx, Collection<Long> ids) {
        for (Long id : ids) {
            Map<String, Object> line = tx.row(MODEL, id);
            Object state = tx.get(SaleOrders.MODEL, (Long) line.get("order_id"), "state");
            if ("sale".equals(state) && line.get("display_type") == null) {
                throw OdooError.userError("Once a sales order is confirmed, you can't remove one of its lines (we "
                        + "need to track if something gets invoiced or delivered).\nSet the quantity to 0 instead.");
            }
        }
    }

    @Override
    public void deleted(Transaction tx, Map<Long, Map<String, Object>> rows) {
        Set<Long> orders = new LinkedHashSet<>();
        rows.values().forEach(row -> orders.add((Long) row.get("order_id")));
        orders.forEach(order -> SaleOrders.recompute(tx, order));
    }

    private static void computeAmounts(Transaction tx, long id) {
        Map<String, Object> line = tx.row(MODEL, id);
        Long currency = Rows.id(line, "currency_id");
        double subtotal = 0;
        double tax = 0;
        if (line.get("display_type") == null) {
            subtotal = Rows.round(tx, currency, Rows.number(line, "product_uom_qty") * Rows.number(line, "price_unit")
                    * (1 - Rows.number(line, "discount") / 100.0));
            for (Long taxId : Rows.ids(line, "tax_id")) {
                tax += Rows.round(tx, currency, subtotal * Rows.number(tx.row("account.tax", taxId), "amount") / 100.0);
            }
        }
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("price_subtotal", subtotal);
        amounts.put("price_tax", tax);
        amounts.put("price_total", Rows.round(tx, currency, subtotal + tax));
        tx.update(MODEL, id, amounts, false);
    }

    /** What is left to invoice of a line, by the product's invoicing policy. */
    static double quantityToInvoice(Transaction tx, Map<String, Object> line) {
        Long product = Rows.id(line, "product_id");
        String policy = product == null ? "order" : (String) tx.get("product.product", product, "invoice_policy");
        double basis = "delivery".equals(policy) ? Rows.number(line, "qty_delivered") : Rows.number(line, "product_uom_qty");
        return basis - Rows.number(line, "qty_invoiced");
    }

    @Override
    public Object compute(Transaction tx, long id, Field field) {
        if (field.name().equals("state")) {
            return tx.get(SaleOrders.MODEL, (Long) tx.get(MODEL, id, "order_id"), "state");
        }
        return null;
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        String order = (String) tx.get(SaleOrders.MODEL, (Long) values.get("order_id"), "name");
        String name = Rows.string(values, "name");
        return order + " - " + (name == null ? "" : name.lines().findFirst().orElse(""));
    }
}
