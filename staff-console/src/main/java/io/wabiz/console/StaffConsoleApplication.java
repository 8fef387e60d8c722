package io.wabiz.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StaffConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffConsoleApplication.class, args);
    }
}
