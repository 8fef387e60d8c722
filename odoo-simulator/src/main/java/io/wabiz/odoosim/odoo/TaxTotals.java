package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tax_totals} widget value of orders and invoices: 16/17's {@code groups_by_subtotal} form
 * ({@code account_tax.py _prepare_tax_totals}), 18's {@code subtotals[].tax_groups[]} form
 * ({@code get_tax_totals_summary}).
 */
final class TaxTotals {

    /** One tax of a document: its base and amount summed over the lines. */
    record TaxLine(long taxId, String name, double base, double amount) {
    }

    private TaxTotals() {
    }

    /** Sums the lines' taxes per tax, from rows with {@code price_subtotal} and a tax list field. */
    static List<TaxLine> group(Transaction tx, Long currencyId, List<Map<String, Object>> lines, String taxField) {
        Map<Long, double[]> sums = new LinkedHashMap<>();
        for (Map<String, Object> line : lines) {
            double base = Rows.number(line, "price_subtotal");
            for (Long taxId : Rows.ids(line, taxField)) {
                double rate = Rows.number(tx.row("account.tax", taxId), "amount");
                double[] sum = sums.computeIfAbsent(taxId, k -> new double[2]);
                sum[0] += base;
                sum[1] += Rows.round(tx, currencyId, base * rate / 100.0);
            }
        }
        List<TaxLine> result = new ArrayList<>();
        sums.forEach((taxId, sum) -> result.add(new TaxLine(taxId, Rows.string(tx.row("account.tax", taxId), "name"),
                Rows.round(tx, currencyId, sum[0]), Rows.round(tx, currencyId, sum[1]))));
        return result;
    }

    static Map<String, Object> build(Transaction tx, Long currencyId, double untaxed, List<TaxLine> taxes) {
        double tax = taxes.stream().mapToDouble(TaxLine::amount).sum();
        double total = Rows.round(tx, currencyId, untaxed + tax);
        Map<String, Object> result = new LinkedHashMap<>();
        if (tx.database().odooVersion().atLeast(18)) {
            List<Object> groups = new ArrayList<>();
            for (TaxLine line : taxes) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("id", line.taxId());
                group.put("involved_tax_ids", List.of(line.taxId()));
                group.put("tax_amount_currency", line.amount());
                group.put("tax_amount", line.amount());
                group.put("base_amount_currency", line.base());
                group.put("base_amount", line.base());
                group.put("display_base_amount_currency", line.base());
                group.put("display_base_amount", line.base());
                group.put("group_name", line.name());
                group.put("group_label", false);
                groups.add(group);
            }
            Map<String, Object> subtotal = new LinkedHashMap<>();
            subtotal.put("tax_groups", groups);
            subtotal.put("tax_amount_currency", tax);
            subtotal.put("tax_amount", tax);
            subtotal.put("base_amount_currency", untaxed);
            subtotal.put("base_amount", untaxed);
            subtotal.put("name", "Untaxed Amount");
            result.put("currency_id", currencyId);
            result.put("currency_pd", 1.0);
            result.put("company_currency_id", currencyId);
            result.put("company_currency_pd", 1.0);
            result.put("has_tax_groups", !taxes.isEmpty());
            result.put("subtotals", List.of(subtotal));
            result.put("base_amount_currency", untaxed);
            result.put("base_amount", untaxed);
            result.put("tax_amount_currency", tax);
            result.put("tax_amount", tax);
            result.put("same_tax_base", true);
            result.put("total_amount_currency", total);
            result.put("total_amount", total);
            return result;
        }
        List<Object> groups = new ArrayList<>();
        for (TaxLine line : taxes) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("group_key", line.taxId());
            group.put("tax_group_id", line.taxId());
            group.put("tax_group_name", line.name());
            group.put("tax_group_amount", line.amount());
            group.put("tax_group_base_amount", line.base());
            group.put("formatted_tax_group_amount", format(tx, currencyId, line.amount()));
            group.put("formatted_tax_group_base_amount", format(tx, currencyId, line.base()));
            group.put("hide_base_amount", false);
            groups.add(group);
        }
        Map<String, Object> groupsBySubtotal = new LinkedHashMap<>();
        groupsBySubtotal.put("Untaxed Amount", groups);
        result.put("amount_untaxed", untaxed);
        result.put("amount_total", total);
        result.put("formatted_amount_total", format(tx, currencyId, total));
        result.put("formatted_amount_untaxed", format(tx, currencyId, untaxed));
        result.put("groups_by_subtotal", groupsBySubtotal);
        Map<String, Object> subtotal = new LinkedHashMap<>();
        subtotal.put("name", "Untaxed Amount");
        subtotal.put("amount", untaxed);
        subtotal.put("formatted_amount", format(tx, currencyId, untaxed));
        result.put("subtotals", List.of(subtotal));
        result.put("subtotals_order", List.of("Untaxed Amount"));
        result.put("display_tax_base", taxes.size() > 1);
        return result;
    }

    /** formatLang's shape: the amount with the currency's decimals and symbol. */
    static String format(Transaction tx, Long currencyId, double amount) {
        Map<String, Object> currency = currencyId == null ? null : tx.row("res.currency", currencyId);
        long decimals = currency == null ? 2 : (Long) currency.getOrDefault("decimal_places", 2L);
        String symbol = currency == null ? "" : String.valueOf(currency.getOrDefault("symbol", ""));
        String number = String.format(java.util.Locale.US, "%,." + decimals + "f", amount);
        return symbol.equals("$") ? "$\u00a0" + number : number + "\u00a0" + symbol;
    }
}
