package io.wabiz.events.kafka;

import io.wabiz.events.EventJson;
import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record by its {@code ce_type} header. A missing or unknown type, or a payload that does
 * not map, fails with a {@link SerializationException} that says why (wrap this deserializer in
 * spring-kafka's ErrorHandlingDeserializer so that such records go to the dead-letter topic).
 */
public class CloudEventDeserializer implements Deserializer<TopicRecord> {

    @Override
    public TopicRecord deserialize(String topic, byte[] data) {
        throw new SerializationException("records of " + topic + " need their ce_type header to be read");
    }

    @Override
    public TopicRecord deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null; // a tombstone on a compacted topic
        }
        String type = CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new SerializationException("record on " + topic + " has no ce_type header"));
        Class<? extends TopicRecord> recordType = TopicCatalogue.recordType(type)
                .orElseThrow(() -> new SerializationException("unknown ce_type '" + type + "' on " + topic));
        try {
            return EventJson.fromJson(data, recordType);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read " + type + " on " + topic + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
