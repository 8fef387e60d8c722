package io.wabiz.sender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The only service that talks to Meta's Graph API: it turns send commands into WhatsApp messages. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OutboundSenderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutboundSenderApplication.class, args);
    }
}
