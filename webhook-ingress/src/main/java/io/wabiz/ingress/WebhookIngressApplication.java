package io.wabiz.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;

/**
 * The only door from the internet: Meta's webhooks in, verified, durable on Kafka before Meta hears 200.
 * Boot's Kafka auto-configuration is left out: the ingress produces on a producer of its own and consumes
 * nothing, so a template, listener containers and dead letters would be wiring nothing uses.
 */
@SpringBootApplication(exclude = KafkaAutoConfiguration.class)
@ConfigurationPropertiesScan
public class WebhookIngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookIngressApplication.class, args);
    }
}
