package io.wabiz.ingress.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.ingress.IngressProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The producer's time limits follow {@code ingress.publish-timeout}, so a request never waits longer
 * than that bound and, more importantly, a record answered with 503 is never written afterwards by a
 * producer still retrying it (which would duplicate it when Meta retries the body):
 * <ul>
 *   <li>{@code delivery.timeout.ms} = publish timeout: a send is failed by then, not kept in the buffer;</li>
 *   <li>{@code request.timeout.ms} = publish timeout - 500 ms (Kafka wants delivery >= linger + request);</li>
 *   <li>{@code max.block.ms} = 250 ms: how long {@code send()} may wait for metadata, or for buffer space.</li>
 * </ul>
 * Sends are made on the web server's event loops, where every wait stalls the other connections of that loop.
 * So the metadata of every topic the ingress writes is loaded at startup and kept ({@code metadata.max.idle.ms}),
 * even for topics as rare as account notices, and {@code max.block.ms} is short: it is only reached when the
 * broker is unknown, or when a long outage at a high rate fills the 32 MB buffer (about 10,000 bodies within
 * one delivery timeout), and then a quick 503 is the answer Meta should get anyway.
 *
 * <p>The ingress only produces, straight on its producer: it has no template, no listener, no dead letters,
 * so Boot's Kafka auto-configuration is left out ({@link io.wabiz.ingress.WebhookIngressApplication}) and the
 * producer factory is made here, from {@code spring.kafka.*} and every producer customizer: platform-kafka's
 * (acks=all with idempotence, the platform's one place for them) and Micrometer's client metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class PublishConfiguration {

    static final Duration MAX_BLOCK = Duration.ofMillis(250);
    static final List<String> TOPICS = List.of(Topics.WEBHOOK_RAW, Topics.INBOUND_MESSAGES, Topics.INBOUND_STATUSES,
            Topics.ACCOUNT_NOTICES, Topics.INBOUND_ECHOES);
    private static final Duration KEEP_TOPIC_METADATA = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(PublishConfiguration.class);

    @Bean
    DefaultKafkaProducerFactory<String, TopicRecord> ingressProducerFactory(
            KafkaProperties kafkaProperties, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers,
            IngressProperties properties) {
        DefaultKafkaProducerFactory<String, TopicRecord> factory =
                new DefaultKafkaProducerFactory<>(kafkaProperties.buildProducerProperties());
        long publishTimeout = properties.publishTimeout().toMillis();
        factory.updateConfigs(Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publishTimeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (publishTimeout - 500),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK.toMillis(),
                ProducerConfig.METADATA_MAX_IDLE_CONFIG, KEEP_TOPIC_METADATA.toMillis()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    /** Loads the metadata of the ingress' topics before traffic; with the broker down it only logs. */
    @Bean
    ApplicationRunner producerMetadataWarmUp(Producer<String, TopicRecord> ingressProducer) {
        return args -> {
            for (String topic : TOPICS) {
                try {
                    ingressProducer.partitionsFor(topic);
                } catch (RuntimeException e) {
                    log.warn("No metadata yet for topic {} ({}); the first webhooks may wait for it", topic, e.toString());
                }
            }
        };
    }

    /** The factory's shared, thread-safe producer (closed with the factory). */
    @Bean
    Producer<String, TopicRecord> ingressProducer(ProducerFactory<String, TopicRecord> producerFactory) {
        return producerFactory.createProducer();
    }

    @Bean
    DurablePublisher durablePublisher(Producer<String, TopicRecord> ingressProducer, IngressProperties properties,
                                      MeterRegistry meterRegistry) {
        // the producer fails sends after max.block + delivery timeout; waiting a little longer is only a guard
        Duration guard = properties.publishTimeout().plus(MAX_BLOCK).plusMillis(500);
        return new DurablePublisher(ingressProducer, guard, meterRegistry);
    }
}
