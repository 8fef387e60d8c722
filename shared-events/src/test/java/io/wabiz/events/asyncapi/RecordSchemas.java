package io.wabiz.events.asyncapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.wabiz.events.TopicCatalogue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON schemas the records imply, by reflection over the catalogue's record types and everything
 * they reach (nested records, sealed content hierarchies, enums). Used to check the AsyncAPI document.
 */
final class RecordSchemas {

    private RecordSchemas() {
    }

    /** Schema name of a type: nested types keep their enclosing name, as in {@code InboundContent.Text}. */
    static String schemaName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : schemaName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    /** Every schema the catalogue's record types need, by name. */
    static Map<String, Map<String, Object>> all() {
        Map<String, Map<String, Object>> schemas = new TreeMap<>();
        TopicCatalogue.allRecordTypes().forEach(type -> collect(type, schemas));
        return schemas;
    }

    /** Every class the schemas stand for, by schema name. */
    static Map<String, Class<?>> classes() {
        Map<String, Class<?>> classes = new TreeMap<>();
        TopicCatalogue.allRecordTypes().forEach(type -> collectClasses(type, classes));
        return classes;
    }

    private static void collectClasses(Class<?> type, Map<String, Class<?>> classes) {
        if (!isModelled(type) || classes.putIfAbsent(schemaName(type), type) != null) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                referenced(component.getGenericType()).forEach(t -> collectClasses(t, classes));
            }
        }
        subTypes(type).forEach(t -> collectClasses(t, classes));
    }

    private static void collect(Class<?> type, Map<String, Map<String, Object>> schemas) {
        if (!isModelled(type) || schemas.containsKey(schemaName(type))) {
            return;
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schemas.put(schemaName(type), schema);
        if (type.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        } else if (type.isRecord()) {
            schema.put("type", "object");
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), propertySchema(component.getGenericType()));
                referenced(component.getGenericType()).forEach(t -> collect(t, schemas));
            }
            JsonSubTypes.Type subtypeName = subtypeNameOf(type);
            if (subtypeName != null) {
                Map<String, Object> kind = new LinkedHashMap<>();
                kind.put("type", "string");
                kind.put("const", subtypeName.name());
                Map<String, Object> withKind = new LinkedHashMap<>();
                withKind.put("kind", kind);
                withKind.putAll(properties);
                properties = withKind;
            }
            schema.put("properties", properties);
        } else if (type.isSealed()) {
            List<Map<String, Object>> oneOf = new ArrayList<>();
            for (JsonSubTypes.Type subtype : type.getAnnotation(JsonSubTypes.class).value()) {
                oneOf.add(Map.of("$ref", "#/components/schemas/" + schemaName(subtype.value())));
                collect(subtype.value(), schemas);
            }
            schema.put("oneOf", oneOf);
            // AsyncAPI's schema object takes the discriminating property's name; each variant has its kind as a const
            schema.put("discriminator", "kind");
        }
    }

    private static JsonSubTypes.Type subtypeNameOf(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            JsonSubTypes subTypes = parent.getAnnotation(JsonSubTypes.class);
            if (subTypes != null) {
                for (JsonSubTypes.Type subtype : subTypes.value()) {
                    if (subtype.value().equals(type)) {
                        return subtype;
                    }
                }
            }
        }
        return null;
    }

    private static List<Class<?>> subTypes(Class<?> type) {
        JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
        return subTypes == null ? List.of() : Arrays.stream(subTypes.value()).<Class<?>>map(JsonSubTypes.Type::value).toList();
    }

    static Map<String, Object> propertySchema(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            array.put("items", propertySchema(parameterized.getActualTypeArguments()[0]));
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (isModelled(raw)) {
            return Map.of("$ref", "#/components/schemas/" + schemaName(raw));
        }
        if (raw == String.class) {
            return Map.of("type", "string");
        }
        if (raw == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (raw == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            return Map.of("type", "number");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return Map.of("type", "integer");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == byte[].class) { // Jackson writes bytes as base64
            return Map.of("type", "string", "contentEncoding", "base64");
        }
        throw new IllegalArgumentException("no JSON schema mapping for " + raw);
    }

    private static List<Class<?>> referenced(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).flatMap(t -> referenced(t).stream()).toList();
        }
        return type instanceof Class<?> raw && isModelled(raw) ? List.of(raw) : List.of();
    }

    static boolean isModelled(Class<?> type) {
        return type.getPackageName().startsWith("io.wabiz.events")
                && (type.isRecord() || type.isEnum() || type.isSealed());
    }
}
