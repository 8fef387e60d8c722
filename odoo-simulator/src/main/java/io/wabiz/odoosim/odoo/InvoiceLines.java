package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.Transaction;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code account.move.line} as invoice lines: product, section and note lines with their amounts. */
final class InvoiceLines implements ModelBehaviour {

    static final String MODEL = "account.move.line";
    /** The sales order line an invoice line was made from (Odoo's {@code sale_line_ids}), kept in the row. */
    static final String SALE_LINE = "__sale_line_id";

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        values.putIfAbsent("sequence", 10L);
        values.putIfAbsent("display_type", "product");
        Long move = values.get("move_id") instanceof Long m ? m : null;
        if (move != null) {
            values.putIfAbsent("company_id", tx.get(Invoices.MODEL, move, "company_id"));
            values.putIfAbsent("currency_id", tx.get(Invoices.MODEL, move, "currency_id"));
            values.putIfAbsent("date", tx.get(Invoices.MODEL, move, "date"));
        }
        if (!"product".equals(values.get("display_type"))) {
            values.remove("product_id");
            values.put("quantity", 0.0);
            values.put("price_unit", 0.0);
            values.put("discount", 0.0);
            return;
        }
        Long product = values.get("product_id") instanceof Long p ? p : null;
        if (product != null) {
            Map<String, Object> row = tx.row("product.product", product);
            values.putIfAbsent("name", Orm.displayName(tx, "product.product", product));
            values.putIfAbsent("price_unit", Rows.number(row, "list_price"));
            values.putIfAbsent("product_uom_id", row.get("uom_id"));
            values.putIfAbsent("tax_ids", Rows.ids(row, "taxes_id"));
        }
        values.putIfAbsent("quantity", 1.0);
        values.putIfAbsent("discount", 0.0);
    }

    @Override
    public void created(Transaction tx, long id) {
        computeAmounts(tx, id);
        Invoices.recompute(tx, (Long) tx.get(MODEL, id, "move_id"));
    }

    @Override
    public void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
        Set<Long> moves = new LinkedHashSet<>();
        for (Long id : ids) {
            computeAmounts(tx, id);
            moves.add((Long) tx.get(MODEL, id, "move_id"));
        }
        moves.forEach(move -> Invoices.recompute(tx, move));
    }

    @Override
    public void deleted(Transaction tx, Map<Long, Map<String, Object>> rows) {
        Set<Long> moves = new LinkedHashSet<>();
        rows.values().forEach(row -> moves.add((Long) row.get("move_id")));
        moves.forEach(move -> Invoices.recompute(tx, move));
    }

    private static void computeAmounts(Transaction tx, long id) {
        Map<String, Object> line = tx.row(MODEL, id);
        Long currency = Rows.id(line, "currency_id");
        double subtotal = 0;
        double tax = 0;
        if ("product".equals(line.get("display_type"))) {
            subtotal = Rows.round(tx, currency, Rows.number(line, "quantity") * Rows.number(line, "price_unit")
                    * (1 - Rows.number(line, "discount") / 100.0));
            for (Long taxId : Rows.ids(line, "tax_ids")) {
                tax += Rows.round(tx, currency, subtotal * Rows.number(tx.row("account.tax", taxId), "amount") / 100.0);
            }
        }
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("price_subtotal", subtotal);
        amounts.put("price_total", Rows.round(tx, currency, subtotal + tax));
        tx.update(MODEL, id, amounts, false);
    }

    @Override
    public Object compute(Transaction tx, long id, Field field) {
        Long move = (Long) tx.get(MODEL, id, "move_id");
        return switch (field.name()) {
            case "parent_state" -> tx.get(Invoices.MODEL, move, "state");
            case "move_name" -> tx.get(Invoices.MODEL, move, "name");
            default -> null;
        };
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        String name = Rows.string(values, "name");
        String move = Orm.displayName(tx, Invoices.MODEL, (Long) values.get("move_id"));
        return name == null ? move : move + " " + name;
    }
}
