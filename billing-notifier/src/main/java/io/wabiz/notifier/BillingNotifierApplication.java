package io.wabiz.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Orders and invoices on WhatsApp: turns ERP facts into exactly one message each, and tells the ERP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingNotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingNotifierApplication.class, args);
    }
}
