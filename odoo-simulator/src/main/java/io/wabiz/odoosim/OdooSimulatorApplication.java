package io.wabiz.odoosim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A stand-in for an Odoo server's external JSON-RPC API, its automation webhooks, and a page for a person. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OdooSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OdooSimulatorApplication.class, args);
    }
}
