package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Small readers of stored rows shared by the business models. */
final class Rows {

    private Rows() {
    }

    static String string(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value instanceof String s ? s : null;
    }

    static Long id(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value instanceof Long l ? l : null;
    }

    static double number(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    static boolean flag(Map<String, Object> row, String field) {
        return Boolean.TRUE.equals(row.get(field));
    }

    @SuppressWarnings("unchecked")
    static List<Long> ids(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value instanceof List<?> list ? (List<Long>) list : List.of();
    }

    static Map<String, Object> require(Transaction tx, String model, long id) {
        Map<String, Object> row = tx.row(model, id);
        if (row == null) {
            throw OdooError.recordDeleted();
        }
        return row;
    }

    /** Today in the context's time zone ({@code context_today}), UTC without one. */
    static LocalDate today(Transaction tx) {
        Object tz = tx.env().context("tz");
        ZoneId zone = ZoneOffset.UTC;
        if (tz instanceof String name && !name.isBlank()) {
            try {
                zone = ZoneId.of(name);
            } catch (java.time.DateTimeException ignored) {
                // an unknown zone falls back to UTC, as pytz would refuse it elsewhere
            }
        }
        return tx.now().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }

    /** Rounds to the currency's decimals (XOF: none, USD: two), half up as Odoo's {@code float_round}. */
    static double round(Transaction tx, Long currencyId, double amount) {
        int decimals = 2;
        if (currencyId != null) {
            Map<String, Object> currency = tx.row("res.currency", currencyId);
            if (currency != null && currency.get("decimal_places") instanceof Long d) {
                decimals = d.intValue();
            }
        }
        return BigDecimal.valueOf(amount).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static boolean isZero(Transaction tx, Long currencyId, double amount) {
        return round(tx, currencyId, amount) == 0.0;
    }

    /** {@code ensure_one()}: the refusal Odoo gives a method that needs exactly one record. */
    static long single(String model, List<Long> ids) {
        if (ids.size() != 1) {
            throw OdooError.valueError("Expected singleton: " + model + "(" + String.join(", ",
                    ids.stream().map(String::valueOf).toList()) + (ids.size() == 1 ? ",)" : ")"));
        }
        return ids.getFirst();
    }
}
