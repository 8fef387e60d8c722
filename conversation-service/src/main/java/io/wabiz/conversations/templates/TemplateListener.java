package io.wabiz.conversations.templates;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.TemplateSynced;
import io.wabiz.platform.kafka.NonRetryableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Projects the compacted template topic; a tombstone removes its template. */
public class TemplateListener {

    private final TemplateCatalogue catalogue;

    public TemplateListener(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @KafkaListener(id = "conversations-templates", idIsGroup = false, topics = Topics.TEMPLATES)
    public void onTemplate(ConsumerRecord<String, TopicRecord> record) {
        switch (record.value()) {
            case TemplateSynced template -> catalogue.upsert(template);
            case null -> {
                if (record.key() == null) {
                    throw new NonRetryableException("tombstone without key on " + record.topic());
                }
                catalogue.remove(record.key());
            }
            default -> throw new NonRetryableException("expected TemplateSynced on " + record.topic());
        }
    }
}
