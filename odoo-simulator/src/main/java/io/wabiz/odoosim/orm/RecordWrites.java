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
 * {@code create}, {@code write} and {@code unlink} as Odoo's ORM does them: values converted from the client's
 * form, required fields checked, the x2many commands {@code (0,0,vals) (1,id,vals) (2,id) (3,id) (4,id) (5,)
 * (6,0,ids)} applied, and a model's own hooks run.
 */
public final class RecordWrites {

    private RecordWrites() {
    }

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
                        Map<String, Object> vals = new LinkedHashMap<>(Orm.dict(c.size() > 2 ? c.get(2) : Map.of(), "create"));
                        if (field.type() == FieldType.ONE2MANY) {
                            vals.put(field.inverse(), id);
                        }
                        current.add(create(tx, comodel, vals));
                    }
                    case 1 -> write(tx, comodel, List.of(number(c, 1)), Orm.dict(c.get(2), "write"));
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
}
