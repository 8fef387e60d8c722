package io.wabiz.odoosim.orm;

import io.wabiz.odoosim.jsonrpc.PythonJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's {@code repr()} of JSON values, as Odoo's error messages quote them. */
public final class PythonRepr {

    private PythonRepr() {
    }

    public static String of(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case Double d -> PythonJson.floatRepr(d);
            case Number n -> n.toString();
            case List<?> list -> list.stream().map(PythonRepr::of).collect(Collectors.joining(", ", "[", "]"));
            case Map<?, ?> map -> map.entrySet().stream().map(e -> of(e.getKey()) + ": " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> value.toString();
        };
    }

    /** A domain leaf as Odoo prints it in messages: a tuple. */
    public static String tuple(List<?> leaf) {
        return leaf.stream().map(PythonRepr::of).collect(Collectors.joining(", ", "(", ")"));
    }
}
