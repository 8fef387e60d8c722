package io.wabiz.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.TopicPublisher;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

class IngressWiringTest extends IngressHttpTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ProducerFactory<String, TopicRecord> producerFactory;

    @Test
    void theIngressHasOnlyItsProducerNoTemplatePublisherOrDeadLetterHandler() {
        assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(TopicPublisher.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CommonErrorHandler.class)).isEmpty();
    }

    @Test
    void itsProducerIsDurableAndBoundedByThePublishTimeout() {
        assertThat(producerFactory.getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 250L);
    }
}
