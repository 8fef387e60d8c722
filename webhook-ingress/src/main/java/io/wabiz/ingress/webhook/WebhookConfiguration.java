package io.wabiz.ingress.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.ingress.IngressProperties;
import io.wabiz.ingress.normalise.WebhookNormaliser;
import io.wabiz.ingress.publish.DurablePublisher;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

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
    WebhookHandler webhookHandler(IngressProperties properties, WebhookSignature signature, WebhookNormaliser normaliser,
                                  DurablePublisher publisher, IngressMetrics metrics, Clock clock) {
        return new WebhookHandler(properties, signature, normaliser, publisher, metrics, clock);
    }

    /** POST /webhook, Meta's traffic, ahead of WebFlux's dispatcher. */
    @Bean
    WebhookHotPath webhookHotPath(WebhookHandler handler) {
        return new WebhookHotPath(handler);
    }

    /** The rest of the webhook path: the subscription handshake, and 405 for methods Meta does not use. */
    @Bean
    RouterFunction<ServerResponse> webhookRoutes(WebhookHandler handler) {
        return RouterFunctions.route()
                .GET(WebhookHandler.PATH, handler::verify)
                .route(RequestPredicates.path(WebhookHandler.PATH), handler::methodNotAllowed)
                .onError(Throwable.class, handler::unexpected)
                .build();
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
