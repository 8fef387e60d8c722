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

    private static final Pattern ORDER_TERM = Pattern.compile("^\\s*([a-z0-9_.]+)(\\s+(asc|desc))?(\\s+nulls\\s+(first|last))?\\s*$",
            Pattern.CASE_INSENSITIVE);
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
                write(tx, model, ids(args.getFirst()), dict(a.get("vals"), "write"));
                yield true;
            }
            case "create" -> {
                PythonArgs a = PythonArgs.bind("create", List.of("vals_list"), 1, args, kwargs);
                Object values = a.get("vals_list");
                if (values instanceof List<?> list) {
                    List<Long> created = new ArrayList<>();
                    list.forEach(v -> created.add(create(tx, model, dict(v, "create"))));
                    yield created;
                }
                yield create(tx, model, dict(values, "create"));
            }
            case "unlink" -> {
                if (args.isEmpty()) {
                    throw OdooError.typeError("unlink() missing 1 required positional argument: 'ids'");
                }
                unlink(tx, model, ids(args.getFirst()));
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
        List<Order> ordering = parseOrder(model, order == null ? model.defaultOrder() : order);
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
        if (!(ordering.size() == 1 && ordering.getFirst().field().equals("id") && !ordering.getFirst().descending())) {
            matches.sort(comparator(tx, model, ordering));
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

    private record Order(String field, boolean descending) {
    }

    private static List<Order> parseOrder(Model model, String order) {
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
        return terms;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Long> comparator(Transaction tx, Model model, List<Order> ordering) {
        Comparator<Long> result = null;
        for (Order order : ordering) {
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
        Object value = storedOrComputed(tx, model, id, field);
        if (value == null) {
            return null;
        }
        if (field.type() == FieldType.MANY2ONE) {
            return displayName(tx, field.relation(), (Long) value).toLowerCase(Locale.ROOT);
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value instanceof Comparable c ? c : value.toString();
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

    // ---- create / write / unlink ----

    public static long create(Transaction tx, Model model, Map<String, Object> values) {
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, Object> relational = new LinkedHashMap<>();
        convert(tx, model, values, stored, relational);
        model.behaviour().applyDefaults(tx, stored);
        for (Field field : model.fields()) {
            if (field.required() && field.stored() && stored.get(field.name()) == null) {
                throw notNull(model, field);
            }
        }
        long id = tx.insert(model.name(), stored);
        applyRelational(tx, model, id, relational);
        model.behaviour().created(tx, id);
        return id;
    }

    public static void write(Transaction tx, Model model, List<Long> ids, Map<String, Object> values) {
        for (Long id : ids) {
            if (!tx.exists(model.name(), id)) {
                throw OdooError.recordDeleted();
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, Object> relational = new LinkedHashMap<>();
        convert(tx, model, values, stored, relational);
        for (Field field : model.fields()) {
            if (field.required() && stored.containsKey(field.name()) && stored.get(field.name()) == null) {
                throw notNull(model, field);
            }
        }
        for (Long id : ids) {
            tx.update(model.name(), id, stored, true);
            applyRelational(tx, model, id, relational);
        }
        Set<String> names = new LinkedHashSet<>(stored.keySet());
        names.addAll(relational.keySet());
        model.behaviour().written(tx, ids, names);
    }

    public static void unlink(Transaction tx, Model model, List<Long> ids) {
        List<Long> existing = ids.stream().filter(id -> tx.exists(model.name(), id)).toList();
        model.behaviour().unlinking(tx, existing);
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        existing.forEach(id -> rows.put(id, tx.row(model.name(), id)));
        for (Long id : existing) {
            for (Field field : model.fields()) {
                if (field.type() == FieldType.ONE2MANY) {
                    for (Long child : tx.children(field.relation(), field.inverse(), id)) {
                        tx.delete(field.relation(), child);
                    }
                }
            }
            tx.delete(model.name(), id);
        }
        model.behaviour().deleted(tx, rows);
    }

    private static void convert(Transaction tx, Model model, Map<String, Object> values, Map<String, Object> stored,
                                Map<String, Object> relational) {
        values.forEach((name, value) -> {
            Field field = model.require(name);
            if (Model.LOG_ACCESS_COLUMNS.contains(name)) {
                return; // the ORM keeps these itself
            }
            if (field.type() == FieldType.ONE2MANY || field.type() == FieldType.MANY2MANY) {
                relational.put(name, value);
            } else if (field.stored()) {
                stored.put(name, Values.fromClient(tx, model, field, value));
            }
        });
    }

    /** The x2many commands: {@code (0,0,vals) (1,id,vals) (2,id) (3,id) (4,id) (5,) (6,0,ids)}, or a list of ids. */
    private static void applyRelational(Transaction tx, Model model, long id, Map<String, Object> relational) {
        relational.forEach((name, value) -> {
            Field field = model.require(name);
            Model comodel = tx.model(field.relation());
            List<?> commands = value instanceof List<?> l ? l : List.of();
            if (!commands.isEmpty() && commands.stream().allMatch(Number.class::isInstance)) {
                commands = List.of(List.of(6L, 0L, commands));
            }
            Set<Long> current = new LinkedHashSet<>(field.type() == FieldType.ONE2MANY
                    ? tx.children(comodel.name(), field.inverse(), id) : storedIds(tx.get(model.name(), id, name)));
            for (Object command : commands) {
                if (!(command instanceof List<?> c) || c.isEmpty() || !(c.getFirst() instanceof Number code)) {
                    throw OdooError.valueError("Invalid x2many command " + PythonRepr.of(command) + " for field "
                            + model.name() + "." + name);
                }
                switch (code.intValue()) {
                    case 0 -> {
                        Map<String, Object> vals = new LinkedHashMap<>(dict(c.size() > 2 ? c.get(2) : Map.of(), "create"));
                        if (field.type() == FieldType.ONE2MANY) {
                            vals.put(field.inverse(), id);
                        }
                        current.add(create(tx, comodel, vals));
                    }
                    case 1 -> write(tx, comodel, List.of(number(c, 1)), dict(c.get(2), "write"));
                    case 2 -> {
                        long child = number(c, 1);
                        unlink(tx, comodel, List.of(child));
                        current.remove(child);
                    }
                    case 3 -> {
                        long child = number(c, 1);
                        if (field.type() == FieldType.ONE2MANY) {
                            unlink(tx, comodel, List.of(child));
                        }
                        current.remove(child);
                    }
                    case 4 -> {
                        long child = number(c, 1);
                        if (field.type() == FieldType.ONE2MANY) {
                            tx.update(comodel.name(), child, Map.of(field.inverse(), id), true);
                        }
                        current.add(child);
                    }
                    case 5 -> {
                        if (field.type() == FieldType.ONE2MANY) {
                            unlink(tx, comodel, List.copyOf(current));
                        }
                        current.clear();
                    }
                    case 6 -> {
                        Set<Long> wanted = new LinkedHashSet<>(storedIds(c.size() > 2 ? c.get(2) : List.of()));
                        if (field.type() == FieldType.ONE2MANY) {
                            unlink(tx, comodel, current.stream().filter(child -> !wanted.contains(child)).toList());
                            wanted.forEach(child -> tx.update(comodel.name(), child, Map.of(field.inverse(), id), true));
                        }
                        current.clear();
                        current.addAll(wanted);
                    }
                    default -> throw OdooError.valueError("Invalid x2many command " + PythonRepr.of(command));
                }
            }
            if (field.type() == FieldType.MANY2MANY) {
                tx.update(model.name(), id, Map.of(name, List.copyOf(current)), false);
            }
        });
    }

    private static List<Long> storedIds(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> ids.add(((Number) v).longValue()));
        }
        return ids;
    }

    private static long number(List<?> command, int index) {
        if (command.size() <= index || !(command.get(index) instanceof Number n)) {
            throw OdooError.valueError("Invalid x2many command " + PythonRepr.of(command));
        }
        return n.longValue();
    }

    private static OdooError notNull(Model model, Field field) {
        return OdooError.validationError("The operation cannot be completed:\n- Create/update: a mandatory field is "
                + "not set.\n- Delete: another model requires the record being deleted. If possible, archive it "
                + "instead.\n\nModel: " + model.description() + " (" + model.name() + ")\nField: " + field.label()
                + " (" + field.name() + ")");
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
