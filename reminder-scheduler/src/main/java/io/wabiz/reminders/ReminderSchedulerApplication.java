package io.wabiz.reminders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Reminds customers of their overdue invoices on WhatsApp: dunning levels per company, on the right local day,
 * once per invoice and level, by exactly one replica.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReminderSchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReminderSchedulerApplication.class, args);
    }
}
