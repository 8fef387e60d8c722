package io.wabiz.odoo.sync;

import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import io.wabiz.odoo.rpc.OdooVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * What the connector learns of the Odoo database once and keeps: the release, the fields each model really has
 * ({@code fields_get}: {@code mobile} is gone from saas-18.2, {@code locked} appeared in 17, custom fields may be
 * missing), the currencies' decimals and the countries' codes. Reads only ask for fields that exist, so one
 * connector serves 16, 17 and 18.
 */
public final class OdooCatalog {

    private final Odoo odoo;
    private final Map<String, Map<String, String>> fields = new ConcurrentHashMap<>();
    private final Map<Long, Currency> currencies = new ConcurrentHashMap<>();
    private final Map<Long, String> countries = new ConcurrentHashMap<>();
    private volatile OdooVersion version;

    /** A currency's ISO code and decimals (XOF: 0). */
    public record Currency(String code, int decimals) {
    }

    public OdooCatalog(Odoo odoo) {
        this.odoo = odoo;
    }

    public OdooVersion version() {
        OdooVersion known = version;
        if (known == null) {
            known = odoo.read(client -> client.version());
            version = known;
        }
        return known;
    }

    /** The fields of a model and their types. */
    public Map<String, String> fields(String model) {
        return fields.computeIfAbsent(model, m -> odoo.read(client -> client.fieldTypes(m)));
    }

    public boolean has(String model, String field) {
        return fields(model).containsKey(field);
    }

    /** {@code wanted} without the fields the database does not have, in the same order. */
    public List<String> existing(String model, List<String> wanted) {
        Set<String> known = fields(model).keySet();
        return wanted.stream().filter(known::contains).distinct().toList();
    }

    public Currency currency(Long id) {
        if (id == null) {
            return new Currency(null, 2);
        }
        Currency known = currencies.get(id);
        if (known == null) {
            JsonNode rows = odoo.read(client -> client.read("res.currency", List.of(id), List.of("name",
                    "decimal_places"), Map.of("active_test", false)));
            JsonNode row = rows.path(0);
            known = new Currency(OdooValues.text(row.get("name")), row.path("decimal_places").asInt(2));
            currencies.put(id, known);
        }
        return known;
    }

    /** The ISO code of a country (Odoo's {@code res.country.code}). */
    public String countryCode(Long id) {
        if (id == null) {
            return null;
        }
        String code = countries.get(id);
        if (code == null) {
            JsonNode rows = odoo.read(client -> client.searchRead("res.country", List.of(), List.of("code"), null, 0,
                    null, Map.of()));
            Map<Long, String> all = new LinkedHashMap<>();
            rows.forEach(row -> all.put(row.get("id").longValue(), OdooValues.text(row.get("code"))));
            countries.putAll(all);
            code = all.get(id);
        }
        return code;
    }

    /** Forgets what was learnt (after custom fields were created, or a new release). */
    public void forget() {
        fields.clear();
        version = null;
    }
}
