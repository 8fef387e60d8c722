package io.wabiz.odoo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform's link to Odoo: changes in over JSON-RPC and webhooks, commands, flags and payments out. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OdooConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OdooConnectorApplication.class, args);
    }
}
