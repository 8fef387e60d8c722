package io.wabiz.scenarioengine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Buttons, menus and scenarios: every tap and keyword gets its typed action. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScenarioEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScenarioEngineApplication.class, args);
    }
}
