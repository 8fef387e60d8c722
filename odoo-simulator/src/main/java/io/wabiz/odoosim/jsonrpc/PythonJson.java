package io.wabiz.odoosim.jsonrpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as Odoo reads and writes it: parsed into plain Java values (objects keep their key order,
 * integers stay integers, floats stay floats), and written as Python's
 * {@code json.dumps(..., ensure_ascii=False)}: a space after {@code ,} and {@code :}, raw UTF-8, floats in
 * {@code repr} form ({@code 287500.0}, {@code 1e+16}).
 */
public final class PythonJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private PythonJson() {
    }

    /** @throws IllegalArgumentException when the text is not JSON */
    public static Object parse(byte[] json) {
        try {
            return toJava(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Invalid JSON data", e);
        }
    }

    public static Object parse(String json) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), toJava(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                list.add(toJava(it.next()));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.stringValue();
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, false);
        return out.toString();
    }

    /** {@code json.dumps(value, sort_keys=True)}, as the automation webhook sends it. */
    public static String writeSorted(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, true);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, boolean sortKeys) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Double d -> out.append(floatRepr(d));
            case Float f -> out.append(floatRepr(f.doubleValue()));
            case BigDecimal d -> out.append(floatRepr(d.doubleValue()));
            case Long l -> out.append(l);
            case Integer i -> out.append(i);
            case BigInteger i -> out.append(i);
            case Number n -> out.append(n);
            case CharSequence s -> string(out, s.toString());
            case Map<?, ?> map -> {
                out.append('{');
                Iterable<? extends Map.Entry<?, ?>> entries = sortKeys
                        ? new java.util.TreeMap<>(map).entrySet() : map.entrySet();
                boolean first = true;
                for (Map.Entry<?, ?> entry : entries) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    string(out, String.valueOf(entry.getKey()));
                    out.append(": ");
                    write(out, entry.getValue(), sortKeys);
                }
                out.append('}');
            }
            case Iterable<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    write(out, item, sortKeys);
                }
                out.append(']');
            }
            default -> string(out, value.toString());
        }
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, {@code .0} on whole numbers, exponent from 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return new BigDecimal(Double.toString(d)).toBigInteger().toString() + ".0";
        }
        String java = Double.toString(d);
        if (!java.contains("E")) {
            return java;
        }
        BigDecimal exact = new BigDecimal(java);
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            return exact.toPlainString();
        }
        String mantissa = java.substring(0, java.indexOf('E'));
        int exponent = Integer.parseInt(java.substring(java.indexOf('E') + 1));
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
