package io.wabiz.sender.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.outbound.MarkMessageRead;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.platform.kafka.DeadLetters;
import io.wabiz.sender.SenderProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads send commands and hands each to its customer's lane, so that one business number has many calls
 * in flight while each customer's messages keep their order. An offset is committed only when every
 * command up to it has its outcome published. Commands that cannot be read (broken JSON, content over
 * WhatsApp's limits, unknown type) go to the dead-letter topic with the reason (platform-kafka's
 * {@link DeadLetters}, as for listener containers).
 *
 * <p>A plain consumer loop rather than a listener container: a container waits for a whole poll to
 * finish before the next, and with Meta taking about a second per call that tail would cost a tenth of
 * the rate.
 */
public class CommandConsumer {

    private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

    private final Map<String, Object> consumerConfig;
    private final DeadLetters deadLetters;
    private final MessageSender sender;
    private final NumberChannels channels;
    private final SenderProperties.Consumer config;
    private final MeterRegistry meters;
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final SequentialLanes lanes = new SequentialLanes(workers);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("command-retry").factory());
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final ConsumerLag lag;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread loop;

    public CommandConsumer(Map<String, Object> consumerConfig, DeadLetters deadLetters, MessageSender sender,
                           NumberChannels channels, SenderProperties.Consumer config, MeterRegistry meters) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        this.consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.deadLetters = deadLetters;
        this.sender = sender;
        this.channels = channels;
        this.config = config;
        this.meters = meters;
        this.lag = new ConsumerLag(meters);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("commands-" + config.topic()).start(this::run);
    }

    /** Stops reading, lets running commands finish (bounded), commits what finished. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            loop.join(config.shutdownTimeout().plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        later.shutdownNow();
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            kafka.subscribe(List.of(config.topic()), new Rebalance(kafka));
            long lastCommit = System.nanoTime();
            long lastLag = System.nanoTime();
            while (running) {
                try {
                    kafka.poll(Duration.ofMillis(50)).forEach(this::dispatch);
                } catch (WakeupException stopping) {
                    break;
                }
                applyBackPressure(kafka);
                if (System.nanoTime() - lastCommit >= config.commitInterval().toNanos()) {
                    commit(kafka, kafka.assignment(), false);
                    lastCommit = System.nanoTime();
                }
                if (System.nanoTime() - lastLag >= Duration.ofSeconds(5).toNanos()) {
                    lag.update(kafka);
                    lastLag = System.nanoTime();
                }
            }
            drain(kafka, kafka.assignment());
        } catch (RuntimeException e) {
            log.error("Command consumer of {} stopped: {}", config.topic(), e.toString(), e);
        } finally {
            consumer = null;
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition, p -> new PartitionProgress());
        partitionProgress.dispatched(record.offset());
        if (record.value() == null) {
            partitionProgress.finished(record.offset());
            return;
        }
        TopicRecord command;
        try {
            command = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            deadLetter(record, partitionProgress, unreadable);
            return;
        }
        switch (command) {
            case SendMessage send -> submit(partitionProgress, record.offset(), new Task(send.conversationKey(),
                    send.businessPhoneNumberId(), "command " + send.id(), () -> sender.send(send)));
            case MarkMessageRead read -> submit(partitionProgress, record.offset(), new Task("read:" + read.wamid(),
                    read.businessPhoneNumberId(), "mark-read " + read.id(), () -> sender.markRead(read)));
            default -> deadLetter(record, partitionProgress, new IllegalArgumentException(
                    command.getClass().getSimpleName() + " is not a command the sender handles"));
        }
    }

    /** One command's work, in its lane (the customer, or the message a receipt is for). */
    private record Task(String lane, String number, String description, Work work) {
    }

    @FunctionalInterface
    private interface Work {
        void run() throws InterruptedException;
    }

    private void submit(PartitionProgress partitionProgress, long offset, Task task) {
        channels.find(task.number()).ifPresent(c -> c.queued().incrementAndGet());
        lanes.submit(task.lane(), () -> {
            try {
                task.work().run();
                partitionProgress.finished(offset);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.info("{} interrupted by shutdown: left for the next delivery", task.description());
            } catch (RuntimeException | Error e) {
                meters.counter("sender.commands.failed").increment();
                if (running) {
                    log.error("{} failed unexpectedly ({}): trying again in {}", task.description(), e.toString(),
                            config.failureRetryDelay(), e);
                    later.schedule(() -> submit(partitionProgress, offset, task),
                            config.failureRetryDelay().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    log.error("{} failed unexpectedly while stopping ({}): left for the next delivery",
                            task.description(), e.toString());
                }
            } finally {
                channels.find(task.number()).ifPresent(c -> c.queued().decrementAndGet());
            }
        });
    }

    /** Off the poll loop (writing waits for the broker); the offset finishes only once the dead letter is stored. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, PartitionProgress partitionProgress,
                            Exception reason) {
        workers.execute(() -> {
            try {
                deadLetters.publish(record, reason);
                partitionProgress.finished(record.offset());
            } catch (RuntimeException failure) {
                log.error("Could not dead-letter {}-{}@{} ({}): it stays uncommitted", record.topic(),
                        record.partition(), record.offset(), failure.toString());
            }
        });
    }

    private void applyBackPressure(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        for (TopicPartition partition : kafka.assignment()) {
            PartitionProgress p = progress.get(partition);
            int inFlight = p == null ? 0 : p.inFlight();
            boolean paused = kafka.paused().contains(partition);
            if (!paused && inFlight >= config.maxInFlightPerPartition()) {
                toPause.add(partition);
            } else if (paused && inFlight < config.maxInFlightPerPartition() / 2) {
                toResume.add(partition);
            }
        }
        if (!toPause.isEmpty()) {
            kafka.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            kafka.resume(toResume);
        }
    }

    private void commit(KafkaConsumer<String, byte[]> kafka, Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress p = progress.get(partition);
            long offset = p == null ? -1 : p.toCommit();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            kafka.commitSync(offsets);
            offsets.forEach((partition, offset) -> progress.get(partition).committed(offset.offset()));
        } else {
            kafka.commitAsync(offsets, (committed, failure) -> {
                if (failure == null) {
                    committed.forEach((partition, offset) -> {
                        PartitionProgress p = progress.get(partition);
                        if (p != null) {
                            p.committed(offset.offset());
                        }
                    });
                }
            });
        }
    }

    /** Waits (bounded) for the partitions' running commands, then commits what finished. */
    private void drain(KafkaConsumer<String, byte[]> kafka, Collection<TopicPartition> partitions) {
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        while (System.nanoTime() < deadline && partitions.stream().map(progress::get)
                .anyMatch(p -> p != null && p.inFlight() > 0)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            commit(kafka, partitions, true);
        } catch (RuntimeException e) {
            log.warn("Final commit failed ({}): uncommitted commands will be redelivered and deduplicated",
                    e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        Rebalance(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drain(kafka, partitions);
            partitions.forEach(progress::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> progress.put(p, new PartitionProgress()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(progress::remove);
        }
    }
}
