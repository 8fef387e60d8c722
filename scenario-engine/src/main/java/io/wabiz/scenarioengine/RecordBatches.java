package io.wabiz.scenarioengine;

import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.NonRetryableException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * A poll's records up to the first one that cannot be used: those are processed, then the bad one is reported by
 * its index so that only it goes to the dead-letter topic (platform-kafka) and the ones after it come again.
 */
public final class RecordBatches {

    private RecordBatches() {
    }

    /** @param read the usable value of a record, or an IllegalArgumentException saying why it is not */
    public record Prefix<T>(List<T> values, List<ConsumerRecord<String, TopicRecord>> records, RuntimeException stop,
                            int stoppedAt) {

        /** After processing {@link #values}: sends the record that stopped the batch to its dead-letter topic. */
        public void failIfStopped() {
            if (stop != null) {
                throw new BatchListenerFailedException(stop.getMessage(), stop, stoppedAt);
            }
        }
    }

    public static <T> Prefix<T> usable(List<ConsumerRecord<String, TopicRecord>> records,
                                       Function<ConsumerRecord<String, TopicRecord>, T> read) {
        List<T> values = new ArrayList<>(records.size());
        List<ConsumerRecord<String, TopicRecord>> used = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, TopicRecord> record = records.get(i);
            try {
                if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                    throw new NonRetryableException("record on " + record.topic() + " cannot be read");
                }
                if (record.value() == null) {
                    throw new NonRetryableException("empty record on " + record.topic());
                }
                T value = read.apply(record);
                if (value != null) {
                    values.add(value);
                    used.add(record);
                }
            } catch (NonRetryableException | IllegalArgumentException e) {
                return new Prefix<>(values, used, e, i);
            }
        }
        return new Prefix<>(values, used, null, -1);
    }
}
