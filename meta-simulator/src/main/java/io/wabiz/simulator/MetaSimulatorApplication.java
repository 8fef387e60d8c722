package io.wabiz.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A stand-in for Meta's WhatsApp Cloud API: Graph API endpoints, signed webhooks and a chat page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetaSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetaSimulatorApplication.class, args);
    }
}
