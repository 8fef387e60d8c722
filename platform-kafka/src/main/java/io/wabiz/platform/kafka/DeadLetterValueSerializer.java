package io.wabiz.platform.kafka;

import io.wabiz.events.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter's value: the original bytes when the record could not even be read, the
 * record's JSON when it was read but could not be processed.
 */
class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        return EventJson.toBytes(data);
    }
}
