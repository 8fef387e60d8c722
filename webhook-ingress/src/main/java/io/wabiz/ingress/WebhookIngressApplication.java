package io.wabiz.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The only door from the internet: Meta's webhooks in, verified, durable on Kafka before Meta hears 200. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookIngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookIngressApplication.class, args);
    }
}
