package io.wabiz.conversations.web;

import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What was wrong with a request, said in the API's own terms: the JSON field as the caller wrote it
 * ({@code content.buttons[2].title}) and what it must be, never a Java class or method.
 */
final class ReadableErrors {

    private static final Pattern KNOWN_TYPE_IDS = Pattern.compile("known type ids = \\[([^]]*)]");
    /** Jackson's strict duplicate detection: {@code Duplicate Object property "to"}. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate [^\"']*[\"']([^\"']+)[\"']");

    private ReadableErrors() {
    }

    /** Why a request body could not be read. */
    static String ofBody(Throwable error) {
        JacksonException json = find(error, JacksonException.class);
        if (json == null) {
            return "the request body cannot be read";
        }
        String field = fieldOf(json);
        IllegalArgumentException own = find(json, IllegalArgumentException.class);
        if (own != null && own.getMessage() != null) {
            // a record refused its value (a WhatsApp limit broken): its message is written for the caller
            return field.isEmpty() ? own.getMessage() : "'" + field + "': " + own.getMessage();
        }
        return switch (json) {
            case UnrecognizedPropertyException unknown -> "unknown field '" + fieldWith(field, unknown.getPropertyName())
                    + "'" + known(unknown.getKnownPropertyIds());
            case InvalidTypeIdException typeId -> "'" + fieldWith(field, "kind") + "' "
                    + (typeId.getTypeId() == null ? "is missing" : "'" + typeId.getTypeId() + "' is unknown")
                    + oneOf(typeId.getOriginalMessage());
            case ValueInstantiationException invalid -> "'" + (field.isEmpty() ? "body" : field) + "' is not valid";
            case MismatchedInputException mismatch -> "'" + (field.isEmpty() ? "body" : field) + "' must be "
                    + expected(mismatch.getTargetType());
            case StreamReadException syntax when duplicate(syntax) != null ->
                    "'" + fieldWith(field, duplicate(syntax)) + "' is given twice" + at(syntax.getLocation());
            case StreamReadException syntax -> "the body is not valid JSON" + at(syntax.getLocation());
            default -> "the request body cannot be read" + (field.isEmpty() ? "" : " at '" + field + "'");
        };
    }

    /** What a query or path parameter must be. */
    static String ofParameter(String name, Class<?> type) {
        return "'" + name + "' must be " + expected(type);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time such as 2026-11-24T10:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            return "an object";
        }
        return "of another type";
    }

    /** The JSON path of the field, as the caller wrote it. */
    private static String fieldOf(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String fieldWith(String path, String last) {
        if (path.equals(last) || path.endsWith("." + last)) {
            return path;
        }
        return path.isEmpty() ? last : path + "." + last;
    }

    private static String known(Collection<Object> ids) {
        return ids == null || ids.isEmpty() ? "" : "; known fields: " + ids.stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", "));
    }

    private static String oneOf(String message) {
        Matcher known = KNOWN_TYPE_IDS.matcher(message == null ? "" : message);
        return known.find() ? "; it is one of " + known.group(1) : "";
    }

    /** The name of a field given twice, when that is what the parser refused. */
    private static String duplicate(StreamReadException error) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(error.getOriginalMessage()));
        return duplicate.find() ? duplicate.group(1) : null;
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
