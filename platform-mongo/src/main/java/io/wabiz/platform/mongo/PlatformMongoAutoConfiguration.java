package io.wabiz.platform.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's MongoDB health contributor (same bean name, so Boot's backs off) with the {@code ping} check.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
public class PlatformMongoAutoConfiguration {

    @Bean(name = "mongoHealthContributor")
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnMissingBean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoClient client) {
        return new MongoPingHealthIndicator(client);
    }
}
