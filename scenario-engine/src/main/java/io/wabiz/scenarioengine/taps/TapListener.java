package io.wabiz.scenarioengine.taps;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.scenarioengine.RecordBatches;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Customers' messages from {@code whatsapp.inbound.messages}, a poll at a time: taps and texts go to the
 * {@link TapProcessor}; other content is skipped. A record that cannot be read, is not a customer message or lacks
 * its ids goes to the dead-letter topic; a tap on an unknown document does not (it is answered).
 */
public class TapListener {

    private final TapProcessor processor;

    public TapListener(TapProcessor processor) {
        this.processor = processor;
    }

    @KafkaListener(id = "scenario-taps", idIsGroup = false, topics = Topics.INBOUND_MESSAGES, batch = "true",
            concurrency = "${scenario-engine.listener-concurrency:2}")
    public void onMessages(List<ConsumerRecord<String, TopicRecord>> records) {
        RecordBatches.Prefix<Tap> taps = RecordBatches.usable(records, record -> {
            if (!(record.value() instanceof InboundMessageReceived message)) {
                throw new IllegalArgumentException("expected InboundMessageReceived on " + record.topic() + ", got "
                        + record.value().getClass().getSimpleName());
            }
            if (message.wamid() == null || message.businessPhoneNumberId() == null || message.customerWaId() == null) {
                throw new IllegalArgumentException("inbound message without wamid, business number or customer");
            }
            return Tap.of(message, Instant.ofEpochMilli(record.timestamp())).orElse(null);
        });
        processor.process(taps.values());
        taps.failIfStopped();
    }
}
