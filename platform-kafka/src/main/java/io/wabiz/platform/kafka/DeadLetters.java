package io.wabiz.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a record that cannot be processed on {@code <topic>-dlt} (same partition), with the reason in
 * {@link PlatformKafkaAutoConfiguration#REASON_HEADER} next to spring-kafka's {@code kafka_dlt-*} headers, logged
 * and counted in {@link PlatformKafkaAutoConfiguration#DEAD_LETTER_METRIC}. The listener containers' error
 * handler calls it after its bounded retries; a service with a consumer loop of its own calls it directly.
 * The value is written as it came (the original bytes of a record that could not be read).
 */
public class DeadLetters {

    private static final Log log = LogFactory.getLog(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final ObjectProvider<MeterRegistry> meterRegistry;

    public DeadLetters(KafkaOperations<String, Object> deadLetterTemplate, ObjectProvider<MeterRegistry> meterRegistry) {
        this.recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        this.recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(PlatformKafkaAutoConfiguration.REASON_HEADER,
                        reason(exception).getBytes(StandardCharsets.UTF_8))}));
        this.recoverer.setFailIfSendResultIsError(true);
        this.meterRegistry = meterRegistry;
    }

    /**
     * Writes the dead letter and returns once the broker has it.
     *
     * @throws org.springframework.kafka.KafkaException when it could not be written: the record must then
     *                                                  stay unacknowledged (nothing is dropped)
     */
    public void publish(ConsumerRecord<?, ?> record, Exception exception) {
        recoverer.accept(record, exception);
        log.warn("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " sent to " + Topics.deadLetter(record.topic()) + ": " + reason(exception));
        meterRegistry.ifAvailable(registry -> registry.counter(PlatformKafkaAutoConfiguration.DEAD_LETTER_METRIC,
                "topic", record.topic(), "exception", rootCause(exception).getClass().getSimpleName()).increment());
    }

    static String reason(Throwable exception) {
        Throwable root = rootCause(exception);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Throwable rootCause(Throwable exception) {
        return NestedExceptionUtils.getMostSpecificCause(exception);
    }
}
