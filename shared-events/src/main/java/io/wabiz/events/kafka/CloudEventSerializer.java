package io.wabiz.events.kafka;

import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a record as JSON with its CloudEvents headers. The source comes from the producer
 * property {@value #SOURCE_CONFIG}.
 */
public class CloudEventSerializer implements Serializer<TopicRecord> {

    public static final String SOURCE_CONFIG = "wabiz.cloudevents.source";

    private String source = "/unknown";

    public CloudEventSerializer() {
    }

    public CloudEventSerializer(String source) {
        this.source = source;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, TopicRecord data) {
        return data == null ? null : EventJson.toBytes(data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, TopicRecord data) {
        if (data != null) {
            CloudEventHeaders.write(headers, data, source);
        }
        return serialize(topic, data);
    }
}
