package io.wabiz.odoosim.orm;

import java.util.List;
import java.util.Map;

/**
 * Who calls and with which context: {@code execute_kw}'s {@code kwargs.context}, applied as
 * {@code with_context} (Odoo starts each RPC call with an empty context: the user's language is not applied).
 *
 * @param companyIds the allowed companies, the current one first
 */
public record Env(long uid, Map<String, Object> context, List<Long> companyIds) {

    public Env {
        context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        companyIds = List.copyOf(companyIds);
    }

    public long companyId() {
        return companyIds.getFirst();
    }

    public Object context(String key) {
        return context.get(key);
    }

    public boolean flag(String key) {
        return Values.truthy(context.get(key));
    }

    /** {@code active_test} is on unless the context turns it off. */
    public boolean activeTest() {
        Object value = context.get("active_test");
        return value == null || Values.truthy(value);
    }

    public Env withContext(Map<String, Object> more) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(context);
        merged.putAll(more);
        return new Env(uid, merged, companyIds);
    }
}
