package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.FieldType;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.Transaction;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * {@code ir.model.fields}: a custom field ({@code state = 'manual'}, a name starting with {@code x_}) created over
 * the API is added to its model at once, usable in the same call's reads and writes, as Odoo's registry reload
 * makes it (O16-O18 {@code odoo/addons/base/models/ir_model.py}). Only the "Access Rights" group may do it.
 */
final class CustomFields implements ModelBehaviour {

    static final String MODEL = "ir.model.fields";
    private static final Pattern NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    private final LongPredicate isAdministrator;

    CustomFields(LongPredicate isAdministrator) {
        this.isAdministrator = isAdministrator;
    }

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        if (!isAdministrator.test(tx.env().uid())) {
            throw OdooError.accessError("You are not allowed to create 'Fields' (ir.model.fields) records.\n\nThis "
                    + "operation is allowed for the following groups:\n\t- Administration/Access Rights\n\nContact "
                    + "your administrator to request access if necessary.");
        }
        values.putIfAbsent("state", "manual");
        values.putIfAbsent("copied", Boolean.FALSE);
        values.putIfAbsent("required", Boolean.FALSE);
        values.putIfAbsent("readonly", Boolean.FALSE);
        values.putIfAbsent("field_description", "");
        Long modelId = values.get("model_id") instanceof Long id ? id : null;
        if (modelId != null) {
            values.put("model", tx.get("ir.model", modelId, "model"));
        }
    }

    @Override
    public void created(Transaction tx, long id) {
        Map<String, Object> row = tx.row(MODEL, id);
        String name = Rows.string(row, "name");
        boolean v16 = !tx.database().odooVersion().atLeast(17);
        if ("manual".equals(row.get("state")) && (name == null || !name.startsWith("x_"))) {
            throw OdooError.validationError(v16 ? "Custom fields must have a name that starts with 'x_' !"
                    : "The operation cannot be completed: Custom fields must have a name that starts with 'x_'!");
        }
        if (!NAME.matcher(name).matches()) {
            throw OdooError.validationError("Field names can only contain characters, digits and underscores (up to "
                    + "63).");
        }
        Model model = tx.model(Rows.string(row, "model"));
        if (model.has(name)) {
            throw OdooError.validationError("The operation cannot be completed: Field names must be unique per model.");
        }
        Field field = definition(row);
        model.addField(field);
        tx.onRollback(() -> model.removeField(name));
    }

    /** The field a stored {@code ir.model.fields} row defines (also when the database is read back at start). */
    static Field definition(Map<String, Object> row) {
        FieldType type = FieldType.ofTtype(Rows.string(row, "ttype"));
        String label = Rows.string(row, "field_description");
        return new Field(Rows.string(row, "name"), type, label == null ? "" : label, Rows.string(row, "relation"),
                null, null, true, Rows.flag(row, "readonly"), Rows.flag(row, "required"), true);
    }

    @Override
    public void unlinking(Transaction tx, Collection<Long> ids) {
        for (Long id : ids) {
            Map<String, Object> row = tx.row(MODEL, id);
            if (!"manual".equals(row.get("state"))) {
                throw OdooError.userError("This column contains module data and cannot be removed!");
            }
            Model model = tx.model(Rows.string(row, "model"));
            Field field = model.require(Rows.string(row, "name"));
            model.removeField(field.name());
            tx.onRollback(() -> model.addField(field));
        }
    }

    @Override
    public void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
        if (fields.contains("name") || fields.contains("ttype") || fields.contains("model_id")) {
            throw OdooError.userError("Renaming fields or changing their type or model is not supported by the "
                    + "stand-in: create a new field instead.");
        }
        for (Long id : ids) {
            Map<String, Object> row = tx.row(MODEL, id);
            if ("manual".equals(row.get("state"))) {
                tx.model(Rows.string(row, "model")).addField(definition(row));
            }
        }
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        return Rows.string(values, "field_description");
    }
}
