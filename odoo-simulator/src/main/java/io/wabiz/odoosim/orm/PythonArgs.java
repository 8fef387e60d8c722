package io.wabiz.odoosim.orm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds positional and keyword arguments to a Python signature, with Python's own {@code TypeError}s. */
public final class PythonArgs {

    private final String function;
    private final Map<String, Object> bound;

    private PythonArgs(String function, Map<String, Object> bound) {
        this.function = function;
        this.bound = bound;
    }

    /**
     * @param parameters the names of {@code function}'s parameters after {@code self}, in order
     * @param required   how many of them have no default
     */
    public static PythonArgs bind(String function, List<String> parameters, int required, List<Object> args,
                                  Map<String, Object> kwargs) {
        if (args.size() > parameters.size()) {
            int total = parameters.size() + 1;
            throw OdooError.typeError(function + "() takes " + (required == parameters.size() ? total
                    : "from " + (required + 1) + " to " + total) + " positional arguments but " + (args.size() + 1)
                    + " were given");
        }
        Map<String, Object> bound = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bound.put(parameters.get(i), args.get(i));
        }
        for (Map.Entry<String, Object> entry : kwargs.entrySet()) {
            if (!parameters.contains(entry.getKey())) {
                throw OdooError.typeError(function + "() got an unexpected keyword argument '" + entry.getKey() + "'");
            }
            if (bound.containsKey(entry.getKey())) {
                throw OdooError.typeError(function + "() got multiple values for argument '" + entry.getKey() + "'");
            }
            bound.put(entry.getKey(), entry.getValue());
        }
        for (int i = 0; i < required; i++) {
            if (!bound.containsKey(parameters.get(i))) {
                throw OdooError.typeError(function + "() missing 1 required positional argument: '"
                        + parameters.get(i) + "'");
            }
        }
        return new PythonArgs(function, bound);
    }

    /** Given, even as {@code None}. */
    public boolean present(String name) {
        return bound.containsKey(name);
    }

    /** Given and not {@code None}. */
    public boolean has(String name) {
        return bound.containsKey(name) && bound.get(name) != null;
    }

    public Object get(String name) {
        return bound.get(name);
    }

    public String string(String name, String fallback) {
        Object value = bound.get(name);
        return value instanceof String s ? s : fallback;
    }

    public Long number(String name) {
        Object value = bound.get(name);
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw OdooError.typeError("'" + value.getClass().getSimpleName().toLowerCase() + "' object cannot be "
                + "interpreted as an integer (" + function + " " + name + ")");
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object value = bound.get(name);
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return (List<String>) list;
        }
        throw OdooError.typeError(function + "() " + name + " must be a list of field names");
    }
}
