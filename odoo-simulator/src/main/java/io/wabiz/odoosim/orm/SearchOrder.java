package io.wabiz.odoosim.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code order} of a search ({@code "date_order desc, id"}), checked as Odoo checks it, and sorted as
 * PostgreSQL sorts: many2one fields by the related record's display name, NULLs last ascending and first
 * descending, {@code id} last when it is not named.
 */
final class SearchOrder {

    private static final Pattern ORDER_TERM = Pattern.compile("^\\s*([a-z0-9_.]+)(\\s+(asc|desc))?(\\s+nulls\\s+(first|last))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private record Order(String field, boolean descending) {
    }

    private final List<Order> terms;

    private SearchOrder(List<Order> terms) {
        this.terms = terms;
    }

    /** Whether the order is the table's own ({@code id} ascending), so that the ids need no sorting. */
    boolean byIdAscending() {
        return terms.size() == 1 && terms.getFirst().field().equals("id") && !terms.getFirst().descending();
    }


    static SearchOrder parse(Model model, String order) {
        List<Order> terms = new ArrayList<>();
        for (String term : order.split(",")) {
            if (term.isBlank()) {
                continue;
            }
            var matcher = ORDER_TERM.matcher(term);
            if (!matcher.matches()) {
                throw OdooError.userError("Invalid \"order\" specified (" + term.strip() + "). A valid \"order\" "
                        + "specification is a comma-separated list of valid field names (optionally followed by "
                        + "asc/desc for the direction)");
            }
            String field = matcher.group(1);
            model.require(field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
            terms.add(new Order(field, "desc".equalsIgnoreCase(matcher.group(3))));
        }
        if (terms.stream().noneMatch(o -> o.field().equals("id"))) {
            terms.add(new Order("id", false));
        }
        return new SearchOrder(List.copyOf(terms));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<Long> comparator(Transaction tx, Model model) {
        Comparator<Long> result = null;
        for (Order order : terms) {
            Field field = model.require(order.field());
            Comparator<Long> byField = (a, b) -> {
                Comparable va = sortKey(tx, model, a, field);
                Comparable vb = sortKey(tx, model, b, field);
                if (va == null || vb == null) {
                    // PostgreSQL: NULLs last ascending, first descending
                    return va == vb ? 0 : va == null ? 1 : -1;
                }
                return va.compareTo(vb);
            };
            if (order.descending()) {
                byField = byField.reversed();
            }
            result = result == null ? byField : result.thenComparing(byField);
        }
        return result;
    }

    @SuppressWarnings("rawtypes")
    private static Comparable sortKey(Transaction tx, Model model, long id, Field field) {
        if (field.name().equals("id")) {
            return id;
        }
        Object value = Orm.storedOrComputed(tx, model, id, field);
        if (value == null) {
            return null;
        }
        if (field.type() == FieldType.MANY2ONE) {
            return Orm.displayName(tx, field.relation(), (Long) value).toLowerCase(Locale.ROOT);
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value instanceof Comparable c ? c : value.toString();
    }
}
