package io.wabiz.events.kafka;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka binary-mode headers: the type travels here, so consumers need no class names. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Replaces the CloudEvents headers with those of {@code record}, from {@code source} (such as /webhook-ingress). */
    public static void write(Headers headers, TopicRecord record, String source) {
        put(headers, ID, record.id());
        put(headers, TYPE, TopicCatalogue.cloudEventType(record.getClass()));
        put(headers, SOURCE, source);
        put(headers, TIME, record.occurredAt() == null ? null : record.occurredAt().toString());
        put(headers, SPEC_VERSION, SPEC_VERSION_VALUE);
        put(headers, CONTENT_TYPE, JSON);
    }

    public static Optional<String> read(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
