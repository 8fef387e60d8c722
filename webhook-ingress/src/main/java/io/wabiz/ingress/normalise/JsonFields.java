package io.wabiz.ingress.normalise;

import io.wabiz.events.whatsapp.MetaError;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reading the fields of a webhook's JSON: strict for identity fields (a wrong type or a missing value makes
 * the body malformed, because no correct record could be keyed from it), tolerant for everything else.
 * {@code where} names the field in the body ({@code entry[0].changes[1].value.messages[2].id}) for the error.
 */
final class JsonFields {

    private JsonFields() {
    }

    static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new MalformedWebhookException(where + " must be an object");
        }
    }

    static List<JsonNode> array(JsonNode parent, String name, String where, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedWebhookException(where + " is missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedWebhookException(where + " must be an array");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    /** A string or number field, as text; containers where a scalar belongs make the body malformed. */
    static String scalar(JsonNode parent, String name, String where) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber()) {
            return node.asString();
        }
        throw new MalformedWebhookException(where + " must be a string");
    }

    static String required(JsonNode parent, String name, String where) {
        String value = scalar(parent, name, where);
        if (value == null || value.isBlank()) {
            throw new MalformedWebhookException(where + " is missing");
        }
        return value;
    }

    static Instant epochSeconds(JsonNode parent, String name, String where) {
        String value = scalar(parent, name, where);
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeException e) {
            throw new MalformedWebhookException(where + " must be seconds since the epoch");
        }
    }

    static Instant optionalEpochSeconds(JsonNode parent, String name) {
        String value = optionalText(parent, name);
        try {
            return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** A scalar as text, or null when absent or not a scalar (tolerant: used for descriptive fields). */
    static String optionalText(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        return node != null && (node.isString() || node.isNumber() || node.isBoolean()) ? node.asString() : null;
    }

    static String firstText(JsonNode parent, String... names) {
        for (String name : names) {
            String value = optionalText(parent, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static Boolean optionalBoolean(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    static Double optionalNumber(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }

    /** Meta's {@code errors} array (a code of 0 when Meta gave none that fits an int). */
    static List<MetaError> errors(JsonNode errors) {
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        List<MetaError> out = new ArrayList<>();
        for (JsonNode error : errors) {
            if (error.isObject()) {
                JsonNode code = error.get("code");
                out.add(new MetaError(code != null && code.isIntegralNumber() && code.canConvertToInt() ? code.intValue() : 0,
                        optionalText(error, "title"), optionalText(error, "message"),
                        optionalText(error.path("error_data"), "details"), optionalText(error, "href")));
            }
        }
        return out;
    }
}
