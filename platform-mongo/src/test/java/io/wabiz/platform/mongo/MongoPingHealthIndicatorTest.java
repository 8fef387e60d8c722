package io.wabiz.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.wabiz.testsupport.SharedMongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.mongodb.health.MongoHealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MongoPingHealthIndicatorTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, PlatformMongoAutoConfiguration.class,
                    MongoHealthContributorAutoConfiguration.class))
            .withPropertyValues("spring.mongodb.uri=" + SharedMongoServer.connectionString("health"));

    @Test
    void theEmbeddedServerIsUpWherebootsOwnHelloCheckSaysDown() {
        context.run(app -> {
            HealthIndicator ours = app.getBean("mongoHealthContributor", HealthIndicator.class);
            assertThat(ours).isInstanceOf(MongoPingHealthIndicator.class);
            assertThat(ours.health(true).getStatus()).isEqualTo(Status.UP);
            Health boots = new MongoHealthIndicator(app.getBean(com.mongodb.client.MongoClient.class)).health(true);
            assertThat(boots.getStatus()).as("Boot's hello-based check against the embedded server").isEqualTo(Status.DOWN);
        });
    }

    @Test
    void anUnreachableServerIsDown() {
        try (var client = MongoClients.create("mongodb://localhost:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            assertThat(new MongoPingHealthIndicator(client).health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
