package io.wabiz.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Kafka wiring every service shares: durable producers (acks=all with idempotence, enforced here and
 * nowhere else), a {@link TopicPublisher}, and an error handler that retries a failing record a bounded
 * number of times, then parks it on {@code <topic>-dlt} with the reason ({@link DeadLetters}, which consumer
 * loops of their own use too). Nothing is dropped: if the dead letter cannot be written, the record is
 * retried again. The publisher and the dead letters exist only where Boot made a template, the error handler
 * only where it made a listener container factory: a service that only produces through its own producer
 * (the ingress) gets none of them.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

    /** A short, human-readable reason, next to spring-kafka's {@code kafka_dlt-exception-*} headers. */
    public static final String REASON_HEADER = "wabiz_dlt-reason";
    public static final String DEAD_LETTER_METRIC = "platform.kafka.dead.letters";

    /** What makes a producer durable; {@link #platformDurableProducers()} applies it. */
    public static final Map<String, Object> DURABLE_PRODUCER = Map.of(ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

    /**
     * Every producer a Boot producer factory makes is durable: a service's configuration cannot weaken it.
     * A record is acknowledged only once all in-sync replicas have it, and a retried send is not duplicated.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer platformDurableProducers() {
        return factory -> factory.updateConfigs(DURABLE_PRODUCER);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaTemplate.class)
    TopicPublisher topicPublisher(KafkaTemplate<String, TopicRecord> kafkaTemplate) {
        return new TopicPublisher(kafkaTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaTemplate.class)
    DeadLetters platformDeadLetters(KafkaProperties kafkaProperties, ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> producerConfig = new HashMap<>(kafkaProperties.buildProducerProperties());
        producerConfig.putAll(DURABLE_PRODUCER);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + System.identityHashCode(this));
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerConfig, new StringSerializer(), new DeadLetterValueSerializer())), meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(ConcurrentKafkaListenerContainerFactory.class)
    DefaultErrorHandler platformKafkaErrorHandler(DeadLetters deadLetters, PlatformKafkaProperties properties) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters::publish, backOff(properties.retry()));
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
}
