package io.wabiz.simulator;

import tools.jackson.databind.JsonNode;

/** Reads loosely-typed JSON values the way Meta does: strings as they are, numbers as written. */
public final class JsonText {

    private JsonText() {
    }

    /** The node's value as text, or null when absent, null or an object/array. */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
