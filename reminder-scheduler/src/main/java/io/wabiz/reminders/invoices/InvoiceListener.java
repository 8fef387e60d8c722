package io.wabiz.reminders.invoices;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.platform.kafka.NonRetryableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the invoice projection in step with {@code erp.invoices}; bad records go to the dead-letter topic. */
public class InvoiceListener {

    private static final Logger log = LoggerFactory.getLogger(InvoiceListener.class);

    private final InvoiceProjection projection;

    public InvoiceListener(InvoiceProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "reminders-invoices", idIsGroup = false, topics = Topics.ERP_INVOICES,
            concurrency = "${reminders.listener-concurrency:1}")
    public void onInvoice(ConsumerRecord<String, TopicRecord> record) {
        if (record.value() == null) {
            throw new NonRetryableException("empty record on " + record.topic());
        }
        boolean changed = projection.apply(record.value());
        log.debug("Invoice event {} {}", record.value().id(), changed ? "applied" : "older than what is known");
    }
}
