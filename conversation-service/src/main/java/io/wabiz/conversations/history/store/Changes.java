package io.wabiz.conversations.history.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The history's one way to write an update: a driver-level update document, operator by operator
 * ({@code $set}, {@code $min}, ...), encoded once by the driver. Spring Data's update mapping cost more than a
 * third of the service's CPU at full ingest, so values are turned into what the read side's documents map
 * back here: instants into dates, enums into their names, nested records through Spring Data's converter;
 * plain maps and lists (JSON trees) and BSON documents go as they are.
 */
final class Changes {

    private final MongoConverter converter;
    private final Document document = new Document();

    Changes(MongoConverter converter) {
        this.converter = converter;
    }

    Changes set(String field, Object value) {
        return operator("$set", field, value);
    }

    Changes setIfPresent(String field, Object value) {
        return value == null ? this : set(field, value);
    }

    Changes setOnInsert(String field, Object value) {
        return operator("$setOnInsert", field, value);
    }

    Changes setOnInsertIfPresent(String field, Object value) {
        return value == null ? this : setOnInsert(field, value);
    }

    Changes min(String field, Object value) {
        return operator("$min", field, value);
    }

    Changes max(String field, Object value) {
        return operator("$max", field, value);
    }

    Changes addToSet(String field, Object value) {
        return operator("$addToSet", field, value);
    }

    Changes addToSetEach(String field, List<?> values) {
        return operator("$addToSet", field, new Document("$each", values.stream().map(this::bson).toList()));
    }

    /** Appends the values to an array, which keeps only its first {@code keepFirst} elements. */
    Changes pushEach(String field, List<?> values, int keepFirst) {
        return operator("$push", field, new Document("$each", values.stream().map(this::bson).toList())
                .append("$slice", keepFirst));
    }

    Document document() {
        return document;
    }

    private Changes operator(String operator, String field, Object value) {
        ((Document) document.computeIfAbsent(operator, name -> new Document())).append(field, bson(value));
        return this;
    }

    private Object bson(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Number number -> number;
            case Boolean flag -> flag;
            case Date date -> date;
            case Document bson -> bson;
            case Instant instant -> Date.from(instant);
            case Enum<?> constant -> constant.name();
            // a JSON tree (content as it was sent): the driver encodes it as it is
            case Map<?, ?> tree -> tree;
            case List<?> list -> list;
            default -> converter.convertToMongoType(value, TypeInformation.of(value.getClass()));
        };
    }
}
