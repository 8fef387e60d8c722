package io.wabiz.odoosim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchanges recorded from a real Odoo 17.0 server ({@code fixtures/odoo-17/}, shipped in the stand-in's jar)
 * and the comparison of an answer's shape with a recorded one: same keys, same JSON types (an integer is not a
 * float, {@code false} is not {@code null}), recursively; {@code false} on one side stands for any empty value (as
 * Odoo reads empty fields), so that different data do not count as a different shape.
 */
public final class RecordedExchanges {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordedExchanges() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = RecordedExchanges.class.getResourceAsStream("/fixtures/odoo-17/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded exchange " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded request with its key placeholder replaced, ready to send again. */
    public static ObjectNode request(String name, String apiKey) {
        ObjectNode request = (ObjectNode) load(name).get("request").deepCopy();
        JsonNode args = request.get("params").get("args");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isString() && args.get(i).stringValue().equals("<API-KEY>")) {
                ((tools.jackson.databind.node.ArrayNode) args).set(i, JSON.getNodeFactory().stringNode(apiKey));
            }
        }
        return request;
    }

    public static JsonNode response(String name) {
        return load(name).get("response");
    }

    /** The differences of shape between a recorded value and ours; empty when they agree. */
    public static List<String> shapeDifferences(JsonNode expected, JsonNode actual, Set<String> ignoredPaths) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, ignoredPaths, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, Set<String> ignored,
                                List<String> differences) {
        if (ignored.contains(path)) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            differences.add(path + ": missing (expected " + expected.getNodeType() + ")");
            return;
        }
        if (emptyValue(expected) != emptyValue(actual) && (emptyValue(expected) || emptyValue(actual))) {
            return; // Odoo reads an empty value as false whatever the field's type: the data differ, not the shape
        }
        if (expected.getNodeType() != actual.getNodeType()
                || expected.isNumber() && expected.isIntegralNumber() != actual.isIntegralNumber()) {
            differences.add(path + ": " + describe(expected) + " recorded, " + describe(actual) + " here");
            return;
        }
        if (expected.isObject()) {
            Set<String> names = new HashSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                if (!expected.has(name)) {
                    if (!ignored.contains(path + "." + name)) {
                        differences.add(path + "." + name + ": not recorded");
                    }
                } else {
                    compare(path + "." + name, expected.get(name), actual.get(name), ignored, differences);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            if (expected.size() == actual.size()) {
                for (int i = 0; i < expected.size(); i++) {
                    compare(path + "[" + i + "]", expected.get(i), actual.get(i), ignored, differences);
                }
            } else {
                compare(path + "[0]", expected.get(0), actual.get(0), ignored, differences);
            }
        }
    }

    private static boolean emptyValue(JsonNode node) {
        return node.isBoolean() && !node.booleanValue();
    }

    private static String describe(JsonNode node) {
        return node.isNumber() ? (node.isIntegralNumber() ? "integer" : "float") : node.getNodeType().toString();
    }

    /** Convenience for tests: a JSON value from Java values. */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
