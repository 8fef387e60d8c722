package io.wabiz.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how often a failing record is retried before it goes to its dead-letter topic
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(@DefaultValue Retry retry) {

    /**
     * @param maxAttempts     deliveries of a record in all, the first included
     * @param initialInterval the first backoff, doubled at each retry up to {@code maxInterval}
     * @param maxInterval     the longest backoff between two deliveries
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialInterval,
                        @DefaultValue("5s") Duration maxInterval) {
    }
}
