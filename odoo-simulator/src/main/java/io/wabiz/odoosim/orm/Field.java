package io.wabiz.odoosim.orm;

import java.util.List;

/**
 * One field of a model.
 *
 * @param relation  the comodel of relational fields
 * @param inverse   for one2many: the many2one on the comodel that points back
 * @param selection the keys and labels of a selection
 * @param stored    false for fields computed on read (display names, one2many, widgets)
 * @param manual    a custom field created through {@code ir.model.fields} ({@code state = 'manual'})
 */
public record Field(String name, FieldType type, String label, String relation, String inverse,
                    List<List<String>> selection, boolean stored, boolean readonly, boolean required, boolean manual) {

    public Field {
        selection = selection == null ? List.of() : List.copyOf(selection);
    }

    public static Field of(String name, FieldType type, String label) {
        return new Field(name, type, label, null, null, null, true, false, false, false);
    }

    public static Field manyToOne(String name, String label, String relation) {
        return new Field(name, FieldType.MANY2ONE, label, relation, null, null, true, false, false, false);
    }

    public static Field oneToMany(String name, String label, String relation, String inverse) {
        return new Field(name, FieldType.ONE2MANY, label, relation, inverse, null, false, false, false, false);
    }

    public static Field manyToMany(String name, String label, String relation) {
        return new Field(name, FieldType.MANY2MANY, label, relation, null, null, true, false, false, false);
    }

    public static Field selection(String name, String label, List<List<String>> selection) {
        return new Field(name, FieldType.SELECTION, label, null, null, selection, true, false, false, false);
    }

    public Field computed() {
        return new Field(name, type, label, relation, inverse, selection, false, true, required, manual);
    }

    public Field asReadonly() {
        return new Field(name, type, label, relation, inverse, selection, stored, true, required, manual);
    }

    public Field asRequired() {
        return new Field(name, type, label, relation, inverse, selection, stored, readonly, true, manual);
    }

    public Field custom() {
        return new Field(name, type, label, relation, inverse, selection, stored, readonly, required, true);
    }

    public boolean allowsSelectionKey(Object key) {
        return selection.stream().anyMatch(pair -> pair.getFirst().equals(key));
    }
}
