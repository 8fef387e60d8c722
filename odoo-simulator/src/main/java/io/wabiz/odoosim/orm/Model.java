package io.wabiz.odoosim.orm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model's definition: its fields (custom ones can be added while the server runs, as
 * {@code ir.model.fields.create} does), its default order and what it does beyond plain CRUD.

 */
public final class Model {

    /** Fields every model has ({@code LOG_ACCESS_COLUMNS}): written by the ORM, silently dropped from client writes. */
    public static final java.util.Set<String> LOG_ACCESS_COLUMNS =
            java.util.Set.of("id", "create_uid", "create_date", "write_uid", "write_date");

    private final String name;
    private final String description;
    private final String defaultOrder;
    private final boolean transientModel;
    private final long irModelId;
    private volatile Map<String, Field> fields;
    private volatile java.util.List<String> fieldOrder;
    private volatile ModelBehaviour behaviour = ModelBehaviour.NONE;

    public Model(String name, String description, String defaultOrder, boolean transientModel, long irModelId,
                 Collection<Field> fields) {
        this.name = name;
        this.description = description;
        this.defaultOrder = defaultOrder;
        this.transientModel = transientModel;
        this.irModelId = irModelId;
        Map<String, Field> all = new LinkedHashMap<>();
        all.put("id", Field.of("id", FieldType.INTEGER, "ID").asReadonly());
        fields.forEach(field -> all.put(field.name(), field));
        all.putIfAbsent("display_name", Field.of("display_name", FieldType.CHAR, "Display Name").computed());
        all.put("create_uid", Field.manyToOne("create_uid", "Created by", "res.users").asReadonly());
        all.put("create_date", Field.of("create_date", FieldType.DATETIME, "Created on").asReadonly());
        all.put("write_uid", Field.manyToOne("write_uid", "Last Updated by", "res.users").asReadonly());
        all.put("write_date", Field.of("write_date", FieldType.DATETIME, "Last Updated on").asReadonly());
        this.fields = Map.copyOf(all);
        this.fieldOrder = java.util.List.copyOf(all.keySet());
    }

    public String name() {
        return name;
    }

    /** The label used in access messages, such as {@code 'Sales Order' (sale.order)}. */
    public String description() {
        return description;
    }

    public String defaultOrder() {
        return defaultOrder;
    }

    public boolean isTransient() {
        return transientModel;
    }

    public long irModelId() {
        return irModelId;
    }

    public Optional<Field> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    public boolean has(String fieldName) {
        return fields.containsKey(fieldName);
    }

    /** The field, or Odoo's {@code ValueError} for an unknown name. */
    public Field require(String fieldName) {
        Field field = fields.get(fieldName);
        if (field == null) {
            throw OdooError.valueError("Invalid field '" + fieldName + "' on model '" + name + "'");
        }
        return field;
    }

    /** Fields in definition order. */
    public java.util.List<Field> fields() {
        return fieldOrder.stream().map(fields::get).toList();
    }

    public synchronized void addField(Field field) {
        Map<String, Field> copy = new LinkedHashMap<>(fields);
        copy.put(field.name(), field);
        java.util.List<String> order = new java.util.ArrayList<>(fieldOrder);
        if (!order.contains(field.name())) {
            order.add(field.name());
        }
        fields = Map.copyOf(copy);
        fieldOrder = java.util.List.copyOf(order);
    }

    public synchronized void removeField(String fieldName) {
        Map<String, Field> copy = new LinkedHashMap<>(fields);
        copy.remove(fieldName);
        fields = Map.copyOf(copy);
        fieldOrder = fieldOrder.stream().filter(n -> !n.equals(fieldName)).toList();
    }

    public ModelBehaviour behaviour() {
        return behaviour;
    }

    public void behaviour(ModelBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public String toString() {
        return name;
    }
}
