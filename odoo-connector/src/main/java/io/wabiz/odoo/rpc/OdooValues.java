package io.wabiz.odoo.rpc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/**
 * Reading Odoo's value formats: many2one {@code [id, "name"]} or {@code false} (a bare id with {@code load=None},
 * as in webhooks), {@code false} for any empty value, UTC datetimes {@code "YYYY-MM-DD HH:MM:SS"} (webhooks may add
 * microseconds), dates {@code "YYYY-MM-DD"}.
 */
public final class OdooValues {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OdooValues() {
    }

    public static boolean empty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || value.isBoolean() && !value.booleanValue();
    }

    /** The id of a many2one, whichever form; null when empty. */
    public static Long id(JsonNode value) {
        if (empty(value)) {
            return null;
        }
        if (value.isArray()) {
            return value.path(0).isNumber() ? value.path(0).longValue() : null;
        }
        return value.isNumber() ? value.longValue() : null;
    }

    /** The display name of a many2one read in the classic form; null when empty. */
    public static String name(JsonNode value) {
        return value != null && value.isArray() && value.size() > 1 ? value.get(1).asString(null) : null;
    }

    public static String text(JsonNode value) {
        return empty(value) || !value.isString() ? null : value.stringValue();
    }

    public static BigDecimal amount(JsonNode value) {
        return empty(value) || !value.isNumber() ? null : new BigDecimal(value.asString());
    }

    public static LocalDate date(JsonNode value) {
        String text = text(value);
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    /** A server datetime (UTC), with or without microseconds. */
    public static LocalDateTime dateTime(JsonNode value) {
        String text = text(value);
        return text == null ? null : parseDateTime(text);
    }

    public static LocalDateTime parseDateTime(String text) {
        return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text, SECONDS)
                .withNano(text.length() > 20 ? micros(text.substring(20)) * 1000 : 0);
    }

    private static int micros(String fraction) {
        String padded = (fraction + "000000").substring(0, 6);
        return Integer.parseInt(padded);
    }

    public static Instant instant(JsonNode value) {
        LocalDateTime dateTime = dateTime(value);
        return dateTime == null ? null : dateTime.toInstant(ZoneOffset.UTC);
    }

    /** Odoo's own format of a datetime, for domains: UTC, whole seconds. */
    public static String format(LocalDateTime value) {
        return value.format(SECONDS);
    }

    /** A write date as a version: its digits only ({@code 20261201145116}), as button ids need. */
    public static String version(String writeDate) {
        return writeDate == null ? null : writeDate.replaceAll("\\D", "").substring(0, Math.min(14,
                writeDate.replaceAll("\\D", "").length()));
    }
}
