package io.wabiz.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka wiring every service shares: a {@link TopicPublisher}, and an error handler that retries a
 * failing record a bounded number of times, then parks it on {@code <topic>-dlt} with the reason.
 * Nothing is dropped: if the dead letter cannot be written, the record is retried again.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

    /** A short, human-readable reason, next to spring-kafka's {@code kafka_dlt-exception-*} headers. */
    public static final String REASON_HEADER = "wabiz_dlt-reason";
    public static final String DEAD_LETTER_METRIC = "platform.kafka.dead.letters";

    private static final Log log = LogFactory.getLog(PlatformKafkaAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    TopicPublisher topicPublisher(KafkaTemplate<String, TopicRecord> kafkaTemplate) {
        return new TopicPublisher(kafkaTemplate);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler platformKafkaErrorHandler(KafkaProperties kafkaProperties, PlatformKafkaProperties properties,
                                                  ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> producerConfig = new HashMap<>(kafkaProperties.buildProducerProperties());
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + System.identityHashCode(this));
        KafkaTemplate<String, Object> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerConfig, new StringSerializer(), new DeadLetterValueSerializer()));

        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        publisher.setHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8))}));
        publisher.setFailIfSendResultIsError(true);

        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            publisher.accept(record, exception);
            log.warn("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " sent to " + Topics.deadLetter(record.topic()) + ": " + reason(exception));
            meterRegistry.ifAvailable(registry -> registry.counter(DEAD_LETTER_METRIC, "topic", record.topic(),
                    "exception", rootCause(exception).getClass().getSimpleName()).increment());
        }, backOff(properties.retry()));
        handler.addNotRetryableExceptions(DeserializationException.class, IllegalArgumentException.class,
                NonRetryableException.class);
        return handler;
    }

    private static ExponentialBackOffWithMaxRetries backOff(PlatformKafkaProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff =
                new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
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
