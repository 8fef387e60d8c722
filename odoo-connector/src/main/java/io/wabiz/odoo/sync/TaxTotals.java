package io.wabiz.odoo.sync;

import io.wabiz.events.erp.Invoice;
import io.wabiz.odoo.rpc.OdooValues;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The tax amounts of {@code tax_totals}: 16/17 group them under {@code groups_by_subtotal.<subtotal>[]}
 * ({@code tax_group_name}, {@code tax_group_base_amount}, {@code tax_group_amount}), 18 under
 * {@code subtotals[].tax_groups[]} ({@code group_name}, {@code base_amount_currency}, {@code tax_amount_currency}).
 */
final class TaxTotals {

    private TaxTotals() {
    }

    static List<Invoice.TaxAmount> of(JsonNode totals, int decimals) {
        if (OdooValues.empty(totals) || !totals.isObject()) {
            return List.of();
        }
        List<Invoice.TaxAmount> taxes = new ArrayList<>();
        JsonNode groups = totals.path("groups_by_subtotal");
        if (groups.isObject()) {
            groups.properties().forEach(subtotal -> subtotal.getValue().forEach(group -> taxes.add(new Invoice.TaxAmount(
                    OdooValues.text(group.get("tax_group_name")),
                    Lines.money(OdooValues.amount(group.get("tax_group_base_amount")), decimals),
                    Lines.money(OdooValues.amount(group.get("tax_group_amount")), decimals)))));
            return taxes;
        }
        for (JsonNode subtotal : totals.path("subtotals")) {
            for (JsonNode group : subtotal.path("tax_groups")) {
                taxes.add(new Invoice.TaxAmount(OdooValues.text(group.get("group_name")),
                        Lines.money(OdooValues.amount(group.get("base_amount_currency")), decimals),
                        Lines.money(OdooValues.amount(group.get("tax_amount_currency")), decimals)));
            }
        }
        return taxes;
    }
}
