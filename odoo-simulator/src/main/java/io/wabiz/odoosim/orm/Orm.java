package io.wabiz.odoosim.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ORM methods every model has ({@code search}, {@code read}, {@code search_read}, {@code search_count},
 * {@code create}, {@code write}, {@code unlink}, {@code fields_get}, {@code name_search},
 * {@code check_access_rights}, {@code default_get}) with their Odoo signatures, and the dispatch of
 * {@code execute_kw} to them or to a model's own methods.
 */
public final class Orm {

    private static final Set<String> READ_ONLY = Set.of("search", "read", "search_read", "search_count",
            "fields_get", "name_search", "check_access_rights", "default_get", "context_get", "name_get");

    private Orm() {
    }

    /** Whether the method changes nothing, so that its call need not wait for writers. */
    public static boolean readOnly(Model model, String method) {
        Optional<RpcMethod> own = model.behaviour().method(method);
        return own.map(RpcMethod::readOnly).orElse(READ_ONLY.contains(method));
    }

    /** {@code execute_kw(model, method, args, kwargs)} within a transaction. */
    public static Object call(Transaction tx, Model model, String method, List<Object> args, Map<String, Object> kwargs) {
        if (method.startsWith("_") || method.equals("init")) {
            throw OdooError.accessError(tx.database().odooVersion().atLeast(18)
                    ? "Private methods (such as '" + model.name() + "." + method + "') cannot be called remotely."
                    : "Private methods (such as " + method + ") cannot be called remotely.");
        }
        Optional<RpcMethod> own = model.behaviour().method(method);
        if (own.isPresent()) {
            RpcMethod rpc = own.get();
            if (rpc.onRecords()) {
                if (args.isEmpty()) {
                    throw OdooError.typeError(method + "() missing 1 required positional argument: 'ids'");
                }
                return rpc.body().call(tx, ids(args.getFirst()), args.subList(1, args.size()), kwargs);
            }
            return rpc.body().call(tx, List.of(), args, kwargs);
        }
        return switch (method) {
            case "search" -> {
                PythonArgs a = PythonArgs.bind("search", List.of("domain", "offset", "limit", "order"), 1, args, kwargs);
                yield search(tx, model, a.get("domain"), offsetOf(a), a.number("limit"), a.string("order", null));
            }
            case "search_count" -> {
                PythonArgs a = PythonArgs.bind("search_count", List.of("domain", "limit"), 1, args, kwargs);
                List<Long> found = search(tx, model, a.get("domain"), 0, a.number("limit"), null);
                yield (long) found.size();
            }
            case "search_read" -> {
                PythonArgs a = PythonArgs.bind("search_read", List.of("domain", "fields", "offset", "limit", "order",
                        "load"), 0, args, kwargs);
                List<Long> found = search(tx, model, a.get("domain"), offsetOf(a), a.number("limit"),
                        a.string("order", null));
                yield read(tx, model, found, a.strings("fields"), loadOf(a));
            }
            case "read" -> {
                if (args.isEmpty()) {
                    throw OdooError.typeError("read() missing 1 required positional argument: 'ids'");
                }
                PythonArgs a = PythonArgs.bind("read", List.of("fields", "load"), 0, args.subList(1, args.size()),
                        kwargs);
                yield read(tx, model, ids(args.getFirst()), a.strings("fields"), loadOf(a));
            }
            case "write" -> {
                if (args.isEmpty()) {
                    throw OdooError.typeError("write() missing 1 required positional argument: 'ids'");
                }
                PythonArgs a = PythonArgs.bind("write", List.of("vals"), 1, args.subList(1, args.size()), kwargs);
                RecordWrites.write(tx, model, ids(args.getFirst()), dict(a.get("vals"), "write"));
                yield true;
            }
            case "create" -> {
                PythonArgs a = PythonArgs.bind("create", List.of("vals_list"), 1, args, kwargs);
                Object values = a.get("vals_list");
                if (values instanceof List<?> list) {
                    List<Long> created = new ArrayList<>();
                    list.forEach(v -> created.add(RecordWrites.create(tx, model, dict(v, "create"))));
                    yield created;
                }
                yield RecordWrites.create(tx, model, dict(values, "create"));
            }
            case "unlink" -> {
                if (args.isEmpty()) {
                    throw OdooError.typeError("unlink() missing 1 required positional argument: 'ids'");
                }
                RecordWrites.unlink(tx, model, ids(args.getFirst()));
                yield true;
            }
            case "fields_get" -> {
                PythonArgs a = PythonArgs.bind("fields_get", List.of("allfields", "attributes"), 0, args, kwargs);
                yield fieldsGet(model, a.strings("allfields"), a.strings("attributes"));
            }
            case "name_search" -> {
                PythonArgs a = PythonArgs.bind("name_search", List.of("name", "args", "operator", "limit"), 0, args,
                        kwargs);
                yield nameSearch(tx, model, a.string("name", ""), a.get("args"), a.string("operator", "ilike"),
                        a.has("limit") ? a.number("limit") : 100L);
            }
            case "check_access_rights" -> {
                PythonArgs.bind("check_access_rights", List.of("operation", "raise_exception"), 1, args, kwargs);
                yield true;
            }
            case "default_get" -> {
                PythonArgs a = PythonArgs.bind("default_get", List.of("fields_list"), 1, args, kwargs);
                yield defaultGet(tx, model, a.strings("fields_list"));
            }
            default -> throw tx.database().odooVersion().atLeast(18)
                    ? OdooError.attributeError("The method '" + model.name() + "." + method + "' does not exist")
                    : OdooError.attributeError("type object '" + model.name() + "' has no attribute '" + method + "'");
        };
    }

    // ---- search ----

    public static List<Long> search(Transaction tx, Model model, Object domainValue, long offset, Long limit,
                                    String order) {
        Domain domain = Domain.parse(model, domainValue);
        boolean activeFilter = model.has("active") && tx.env().activeTest() && !domain.mentions("active");
        SearchOrder ordering = SearchOrder.parse(model, order == null ? model.defaultOrder() : order);
        List<Long> candidates = domain.candidates(tx);
        Iterable<Long> scan = candidates != null ? candidates : tx.ids(model.name());
        List<Long> matches = new ArrayList<>();
        for (Long id : scan) {
            Map<String, Object> row = tx.row(model.name(), id);
            if (row == null || activeFilter && !Boolean.TRUE.equals(row.get("active"))) {
                continue;
            }
            if (!visibleToCompanies(tx, model, row)) {
                continue;
            }
            if (domain.matches(tx, id)) {
                matches.add(id);
            }
        }
        if (!ordering.byIdAscending()) {
            matches.sort(ordering.comparator(tx, model));
        }
        int from = (int) Math.min(offset, matches.size());
        int to = limit == null || limit <= 0 ? matches.size() : (int) Math.min(matches.size(), from + limit);
        return new ArrayList<>(matches.subList(from, to));
    }

    /** The record rules on {@code company_id}: a company the caller did not allow hides the row. */
    static boolean visibleToCompanies(Transaction tx, Model model, Map<String, Object> row) {
        if (!model.has("company_id") || model.name().equals("res.company") || model.name().equals("res.users")) {
            return true;
        }
        Object company = row.get("company_id");
        if (company == null) {
            return true;
        }
        return tx.env().companyIds().contains((Long) company);
    }

    // ---- read ----

    public static List<Map<String, Object>> read(Transaction tx, Model model, List<Long> ids, List<String> fields,
                                                 ReadMode mode) {
        List<Field> selected = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            selected.addAll(model.fields());
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (String name : fields) {
                if (seen.add(name)) {
                    selected.add(model.require(name));
                }
            }
        }
        List<Map<String, Object>> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Map<String, Object> row = tx.row(model.name(), id);
            if (row == null) {
                continue; // read() leaves out missing or deleted ids
            }
            if (!visibleToCompanies(tx, model, row)) {
                throw OdooError.accessError("Due to security restrictions, you are not allowed to access '"
                        + model.description() + "' (" + model.name() + ") records.\n\nRecords: "
                        + displayName(tx, model.name(), id) + " (id=" + id + ")\nUser: " + tx.env().uid());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            for (Field field : selected) {
                if (field.name().equals("id")) {
                    continue;
                }
                out.put(field.name(), Values.toClient(tx, field, storedOrComputed(tx, model, id, field), mode));
            }
            result.add(out);
        }
        return result;
    }

    /** A field's value: the stored one, or computed now (one2many, display names, widgets). */
    public static Object storedOrComputed(Transaction tx, Model model, long id, Field field) {
        if (field.type() == FieldType.ONE2MANY) {
            Object computed = model.behaviour().compute(tx, id, field);
            return computed != null ? computed : tx.children(field.relation(), field.inverse(), id);
        }
        if (field.name().equals("display_name") && !field.stored()) {
            return displayName(tx, model.name(), id);
        }
        if (!field.stored()) {
            return model.behaviour().compute(tx, id, field);
        }
        Map<String, Object> row = tx.row(model.name(), id);
        return row == null ? null : row.get(field.name());
    }

    public static String displayName(Transaction tx, String modelName, long id) {
        Model model = tx.model(modelName);
        Map<String, Object> row = tx.row(modelName, id);
        if (row == null) {
            return modelName + "," + id;
        }
        return model.behaviour().displayName(tx, model, id, row);
    }

    // ---- metadata ----

    public static Map<String, Object> fieldsGet(Model model, List<String> allfields, List<String> attributes) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Field field : model.fields()) {
            if (allfields != null && !allfields.isEmpty() && !allfields.contains(field.name())) {
                continue;
            }
            Map<String, Object> all = new TreeMap<>();
            all.put("type", field.type().ttype());
            all.put("string", field.label());
            all.put("name", field.name());
            all.put("required", field.required());
            all.put("readonly", field.readonly());
            all.put("store", field.stored());
            all.put("manual", field.manual());
            all.put("searchable", true);
            all.put("sortable", field.stored());
            if (field.relation() != null) {
                all.put("relation", field.relation());
            }
            if (field.type() == FieldType.ONE2MANY) {
                all.put("relation_field", field.inverse());
            }
            if (field.type() == FieldType.SELECTION) {
                all.put("selection", field.selection());
            }
            if (attributes != null && !attributes.isEmpty()) {
                all.keySet().retainAll(attributes);
            }
            result.put(field.name(), all);
        }
        return result;
    }

    private static List<List<Object>> nameSearch(Transaction tx, Model model, String name, Object domain,
                                                 String operator, Long limit) {
        List<Object> full = new ArrayList<>(domain instanceof List<?> l ? l : List.of());
        List<List<Object>> result = new ArrayList<>();
        for (Long id : search(tx, model, full, 0, null, null)) {
            String display = displayName(tx, model.name(), id);
            boolean matches = switch (operator) {
                case "=" -> display.equals(name);
                case "ilike" -> display.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
                case "like" -> display.contains(name);
                default -> true;
            };
            if (matches) {
                result.add(List.of(id, display));
                if (limit != null && limit > 0 && result.size() >= limit) {
                    break;
                }
            }
        }
        return result;
    }

    private static Map<String, Object> defaultGet(Transaction tx, Model model, List<String> fields) {
        Map<String, Object> stored = new LinkedHashMap<>();
        model.behaviour().applyDefaults(tx, stored);
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : fields == null ? List.<String>of() : fields) {
            Field field = model.require(name);
            if (stored.containsKey(name)) {
                Object raw = stored.get(name);
                result.put(name, Values.toClient(tx, field, raw, ReadMode.RAW));
            }
        }
        return result;
    }

    // ---- argument helpers ----

    /** {@code args[0]} of a record method: one id or a list of ids. */
    public static List<Long> ids(Object value) {
        if (value instanceof Number n) {
            return List.of(n.longValue());
        }
        if (value instanceof List<?> list) {
            List<Long> ids = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof Number n)) {
                    throw OdooError.typeError("ids must be integers, not " + PythonRepr.of(item));
                }
                ids.add(n.longValue());
            }
            return ids;
        }
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        throw OdooError.typeError("ids must be a list of integers, not " + PythonRepr.of(value));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> dict(Object value, String method) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw OdooError.typeError(method + "() values must be a dict, not " + PythonRepr.of(value));
    }

    private static long offsetOf(PythonArgs a) {
        Long offset = a.number("offset");
        return offset == null ? 0 : offset;
    }

    /** No {@code load}: the classic form; {@code load=None} (or anything else): bare many2one ids. */
    private static ReadMode loadOf(PythonArgs a) {
        if (!a.present("load")) {
            return ReadMode.CLASSIC;
        }
        return "_classic_read".equals(a.get("load")) ? ReadMode.CLASSIC : ReadMode.RAW;
    }
}
