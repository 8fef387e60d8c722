package io.wabiz.conversations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The system of record of every WhatsApp conversation, and the staff API to read and answer it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConversationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConversationServiceApplication.class, args);
    }
}
