package io.wabiz.odoosim.orm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The models the database knows ({@code env.registry}). */
public final class Registry {

    private final Map<String, Model> models = new LinkedHashMap<>();

    public synchronized Registry add(Model model) {
        models.put(model.name(), model);
        return this;
    }

    /** The model, or Odoo's refusal of an unknown one. */
    public synchronized Model model(String name) {
        Model model = models.get(name);
        if (model == null) {
            throw OdooError.userError("Object " + name + " doesn't exist");
        }
        return model;
    }

    public synchronized boolean has(String name) {
        return models.containsKey(name);
    }

    public synchronized Collection<Model> models() {
        return java.util.List.copyOf(models.values());
    }

    /** The many2one fields of {@code model} that some one2many reads back: they get an index. */
    synchronized Set<String> indexedManyToOnes(String model) {
        return models.values().stream().flatMap(m -> m.fields().stream())
                .filter(f -> f.type() == FieldType.ONE2MANY && model.equals(f.relation()))
                .map(Field::inverse).collect(Collectors.toSet());
    }
}
