package io.wabiz.sender.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code sender.consumer.lag{partition}}: commands on the topic not yet read, per assigned partition. */
final class ConsumerLag {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final MeterRegistry meters;
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();

    ConsumerLag(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Called from the consumer's own thread; a failure only leaves the gauges as they were. */
    void update(KafkaConsumer<?, ?> kafka) {
        try {
            Collection<TopicPartition> assigned = kafka.assignment();
            if (assigned.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> ends = kafka.endOffsets(assigned, Duration.ofSeconds(2));
            for (TopicPartition partition : assigned) {
                Long end = ends.get(partition);
                if (end != null) {
                    long value = Math.max(0, end - kafka.position(partition, Duration.ofSeconds(2)));
                    lag.computeIfAbsent(partition, p -> {
                        AtomicLong holder = new AtomicLong();
                        meters.gauge("sender.consumer.lag", Tags.of("partition", String.valueOf(p.partition())),
                                holder, AtomicLong::get);
                        return holder;
                    }).set(value);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Lag not updated: {}", e.toString());
        }
    }
}
