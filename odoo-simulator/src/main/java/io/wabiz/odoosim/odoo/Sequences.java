package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Document numbers from {@code ir.sequence} rows ({@code S00042}, {@code INV/2026/00005}). */
final class Sequences {

    private Sequences() {
    }

    /**
     * @param prefix with {@code %(year)s} replaced by the document's year
     */
    static String next(Transaction tx, String code, String prefix, int padding, long companyId, int year) {
        String yearPrefix = prefix.replace("%(year)s", Integer.toString(year));
        String key = code + "|" + yearPrefix;
        List<Long> found = Orm.search(tx, tx.model("ir.sequence"),
                List.of(List.of("code", "=", key), List.of("company_id", "=", companyId)), 0, 1L, null);
        long number;
        if (found.isEmpty()) {
            number = 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", code);
            row.put("code", key);
            row.put("prefix", yearPrefix);
            row.put("padding", (long) padding);
            row.put("number_next", 2L);
            row.put("company_id", companyId);
            tx.insert("ir.sequence", row);
        } else {
            long id = found.getFirst();
            number = (Long) tx.get("ir.sequence", id, "number_next");
            tx.update("ir.sequence", id, Map.of("number_next", number + 1), false);
        }
        return yearPrefix + String.format("%0" + padding + "d", number);
    }
}
