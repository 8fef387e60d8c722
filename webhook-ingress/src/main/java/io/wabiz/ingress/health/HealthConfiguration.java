package io.wabiz.ingress.health;

import io.wabiz.ingress.IngressProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean(destroyMethod = "close")
    Admin readinessAdminClient(KafkaProperties kafkaProperties, IngressProperties properties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildAdminProperties());
        int timeout = (int) properties.readinessTimeout().toMillis();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "webhook-ingress-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return Admin.create(config);
    }

    /** Named {@code kafka} in the health tree; listed in the readiness group by application.yml. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin readinessAdminClient, IngressProperties properties) {
        return new KafkaHealthIndicator(readinessAdminClient, properties.readinessTimeout());
    }
}
