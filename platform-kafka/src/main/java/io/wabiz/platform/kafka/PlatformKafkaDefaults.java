package io.wabiz.platform.kafka;

import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.kafka.CloudEventSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The platform's Kafka client defaults, at the lowest precedence so a service's own configuration
 * wins: CloudEvents JSON both ways, consumers that commit only what they processed. (Durable producers are
 * not a default but enforced: {@link PlatformKafkaAutoConfiguration#platformDurableProducers()}.)
 */
public class PlatformKafkaDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        defaults.put("spring.kafka.producer.value-serializer", CloudEventSerializer.class.getName());
        defaults.put("spring.kafka.producer.properties." + CloudEventSerializer.SOURCE_CONFIG,
                "/${spring.application.name:unknown}");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties." + ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                CloudEventDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        environment.getPropertySources().addLast(new MapPropertySource("platform-kafka-defaults", defaults));
    }
}
