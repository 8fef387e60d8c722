package io.wabiz.reminders.partners;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.platform.kafka.NonRetryableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the partner projection in step with {@code erp.partners}. */
public class PartnerListener {

    private final PartnerProjection projection;

    public PartnerListener(PartnerProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "reminders-partners", idIsGroup = false, topics = Topics.ERP_PARTNERS,
            concurrency = "${reminders.listener-concurrency:1}")
    public void onPartner(ConsumerRecord<String, TopicRecord> record) {
        if (!(record.value() instanceof PartnerUpserted partner)) {
            throw new NonRetryableException("expected PartnerUpserted on " + record.topic());
        }
        projection.upsert(partner);
    }
}
