package io.wabiz.conversations.partners;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.platform.kafka.NonRetryableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the partner directory in step with the ERP. */
public class PartnerListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerListener.class);

    private final PartnerDirectory directory;

    public PartnerListener(PartnerDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(id = "conversations-partners", idIsGroup = false, topics = Topics.ERP_PARTNERS)
    public void onPartner(ConsumerRecord<String, TopicRecord> record) {
        if (!(record.value() instanceof PartnerUpserted partner)) {
            throw new NonRetryableException("expected PartnerUpserted on " + record.topic());
        }
        boolean changed = directory.upsert(partner);
        log.debug("Partner {} {}", partner.partnerId(), changed ? "updated" : "unchanged (older event)");
    }
}
