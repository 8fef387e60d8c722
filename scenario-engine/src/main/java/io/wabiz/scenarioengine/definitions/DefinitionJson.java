package io.wabiz.scenarioengine.definitions;

import io.wabiz.events.EventJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of definitions: the platform's mapping, but strict on reading, so a misspelt field in an administrator's
 * definition is refused rather than silently dropped.
 */
public final class DefinitionJson {

    private static final JsonMapper STRICT = EventJson.configure(JsonMapper.builder())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private DefinitionJson() {
    }

    public static JsonMapper mapper() {
        return STRICT;
    }

    public static <T> T read(String json, Class<T> type) {
        return STRICT.readValue(json, type);
    }

    public static <T> T read(JsonNode json, Class<T> type) {
        return STRICT.treeToValue(json, type);
    }

    public static String write(Object definition) {
        return STRICT.writeValueAsString(definition);
    }
}
