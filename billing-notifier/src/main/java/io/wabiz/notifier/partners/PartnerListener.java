package io.wabiz.notifier.partners;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.platform.kafka.NonRetryableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the partner projection in step with the ERP, and has the notifications that waited for a partner the ERP
 * had not published yet decided.
 */
public class PartnerListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerListener.class);

    private final PartnerProjection partners;
    private final WaitingNotifications waiting;

    public PartnerListener(PartnerProjection partners, WaitingNotifications waiting) {
        this.partners = partners;
        this.waiting = waiting;
    }

    @KafkaListener(id = "notifier-partners", idIsGroup = false, topics = Topics.ERP_PARTNERS,
            concurrency = "${notifier.listener-concurrency:3}") // an ERP's initial sync sends thousands at once
    public void onPartner(ConsumerRecord<String, TopicRecord> record) {
        if (!(record.value() instanceof PartnerUpserted partner)) {
            throw new NonRetryableException("expected PartnerUpserted on " + record.topic() + ", got "
                    + (record.value() == null ? "an empty record" : record.value().getClass().getSimpleName()));
        }
        partners.upsert(partner).ifPresentOrElse(waiting::decideForArrived,
                () -> log.debug("Partner {} unchanged (older event)", partner.partnerId()));
    }
}
