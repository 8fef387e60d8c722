package io.wabiz.odoosim.orm;

/** Odoo's field types (the {@code ttype} of {@code ir.model.fields}). */
public enum FieldType {
    CHAR, TEXT, HTML, INTEGER, FLOAT, MONETARY, BOOLEAN, DATE, DATETIME, SELECTION, MANY2ONE, ONE2MANY, MANY2MANY,
    BINARY;

    public String ttype() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FieldType ofTtype(String ttype) {
        for (FieldType type : values()) {
            if (type.ttype().equals(ttype)) {
                return type;
            }
        }
        throw OdooError.valueError("Wrong value for ir.model.fields.ttype: '" + ttype + "'");
    }

    public boolean relational() {
        return this == MANY2ONE || this == ONE2MANY || this == MANY2MANY;
    }

    public boolean numeric() {
        return this == INTEGER || this == FLOAT || this == MONETARY;
    }
}
