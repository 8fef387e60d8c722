package io.wabiz.ingress.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.ingress.IngressProperties;
import io.wabiz.ingress.normalise.WebhookNormaliser;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookSignature webhookSignature(IngressProperties properties) {
        return new WebhookSignature(properties.appSecrets());
    }

    @Bean
    WebhookNormaliser webhookNormaliser() {
        return new WebhookNormaliser();
    }

    @Bean
    IngressMetrics ingressMetrics(MeterRegistry meterRegistry) {
        return new IngressMetrics(meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
