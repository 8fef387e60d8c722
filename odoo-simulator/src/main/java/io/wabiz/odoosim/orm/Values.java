package io.wabiz.odoosim.orm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Conversions between what clients send or receive and what rows store. */
public final class Values {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Values() {
    }

    /** Python's truth value. */
    public static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** Odoo's {@code Datetime.to_string}: UTC, whole seconds. */
    public static String seconds(LocalDateTime value) {
        return value.format(SECONDS);
    }

    /** Python's {@code str(datetime)}: microseconds only when there are some. */
    public static String pythonStr(LocalDateTime value) {
        return value.getNano() == 0 ? value.format(SECONDS) : value.format(MICROS);
    }

    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw OdooError.valueError("time data '" + text + "' does not match format '%Y-%m-%d'");
        }
    }

    /** A server datetime string; a bare date means its midnight (or {@code endOfDay} for {@code >} and {@code <=}). */
    public static LocalDateTime parseDatetime(String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.atTime(23, 59, 59) : date.atStartOfDay();
            }
            String normalised = text.replace('T', ' ');
            if (normalised.length() > 19 && normalised.charAt(19) == '.') {
                return LocalDateTime.parse(normalised, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.[SSSSSS][SSS]"));
            }
            return LocalDateTime.parse(normalised.substring(0, Math.min(19, normalised.length())), SECONDS);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw OdooError.valueError("time data '" + text + "' does not match format '%Y-%m-%d %H:%M:%S'");
        }
    }

    /** A client's value for a non-x2many field, as the row stores it (null: empty). */
    public static Object fromClient(Transaction tx, Model model, Field field, Object value) {
        if (value == null || Boolean.FALSE.equals(value) && field.type() != FieldType.BOOLEAN) {
            return field.type() == FieldType.BOOLEAN ? Boolean.FALSE : null;
        }
        return switch (field.type()) {
            case CHAR, TEXT, HTML -> value instanceof String s ? s : String.valueOf(value);
            case INTEGER -> number(model, field, value).longValue();
            case FLOAT, MONETARY -> number(model, field, value).doubleValue();
            case BOOLEAN -> truthy(value);
            case DATE -> value instanceof String s ? parseDate(s) : invalid(model, field, value);
            case DATETIME -> value instanceof String s ? parseDatetime(s, false) : invalid(model, field, value);
            case SELECTION -> {
                if (!field.allowsSelectionKey(value)) {
                    throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
                            + PythonRepr.of(value));
                }
                yield value;
            }
            case MANY2ONE -> {
                if (value instanceof List<?> pair && !pair.isEmpty()) {
                    value = pair.getFirst();
                }
                long id = number(model, field, value).longValue();
                if (!tx.exists(field.relation(), id)) {
                    throw OdooError.validationError("The operation cannot be completed: another model requires "
                            + "the record being deleted. If possible, archive it instead.\n\nModel: "
                            + model.description() + " (" + model.name() + ")\nConstraint: " + table(model) + "_"
                            + field.name() + "_fkey");
                }
                yield id;
            }
            case BINARY -> value;
            case ONE2MANY, MANY2MANY -> throw new IllegalArgumentException("x2many values are commands");
        };
    }

    /** A stored value as a client reads it. */
    public static Object toClient(Transaction tx, Field field, Object raw, ReadMode mode) {
        return switch (field.type()) {
            case CHAR, TEXT, HTML, SELECTION -> raw == null ? Boolean.FALSE : raw;
            case INTEGER -> raw == null ? 0L : raw;
            case FLOAT, MONETARY -> raw == null ? 0.0 : ((Number) raw).doubleValue();
            case BOOLEAN -> raw != null && (Boolean) raw;
            case DATE -> raw == null ? Boolean.FALSE : raw.toString();
            case DATETIME -> raw == null ? Boolean.FALSE
                    : mode == ReadMode.WEBHOOK ? pythonStr((LocalDateTime) raw) : seconds((LocalDateTime) raw);
            case MANY2ONE -> {
                if (raw == null) {
                    yield Boolean.FALSE;
                }
                long id = (Long) raw;
                yield mode == ReadMode.CLASSIC ? List.of(id, Orm.displayName(tx, field.relation(), id)) : id;
            }
            case ONE2MANY, MANY2MANY -> raw == null ? List.of() : raw;
            case BINARY -> raw == null ? Boolean.FALSE : raw;
        };
    }

    static String table(Model model) {
        return model.name().replace('.', '_');
    }

    private static Number number(Model model, Field field, Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw OdooError.valueError("could not convert string to float: " + PythonRepr.of(s));
            }
        }
        return invalid(model, field, value);
    }

    private static <T> T invalid(Model model, Field field, Object value) {
        throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": " + PythonRepr.of(value));
    }
}
