package io.wabiz.sender;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.sender.accounts.Account;
import io.wabiz.sender.accounts.AccountDiagnostics;
import io.wabiz.sender.accounts.AccountRegistry;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.send.CommandConsumer;
import io.wabiz.sender.send.MessageSender;
import io.wabiz.sender.send.MetaCallObserver;
import io.wabiz.sender.send.MongoSendLedger;
import io.wabiz.sender.send.NumberChannel;
import io.wabiz.sender.send.SendLedger;
import io.wabiz.sender.templates.TemplateCatalog;
import io.wabiz.sender.templates.TemplateSync;
import io.wabiz.sender.window.ConversationWindows;
import io.wabiz.sender.window.MongoConversationWindows;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the plain-Java parts of the sender to Spring, Kafka and MongoDB. */
@Configuration(proxyBeanMethods = false)
class SenderConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountRegistry accountRegistry(SenderProperties properties) {
        return new AccountRegistry(properties.accounts().stream().map(a -> new Account(a.phoneNumberId(),
                a.wabaId(), a.accessToken(), a.apiVersion(), a.messagesPerSecond())).toList());
    }

    @Bean
    GraphApiClient graphApiClient(SenderProperties properties) {
        return new GraphApiClient(properties.graphApi());
    }

    @Bean
    AccountDiagnostics accountDiagnostics(GraphApiClient graph, AccountRegistry accounts) {
        return new AccountDiagnostics(graph, accounts);
    }

    @Bean
    TemplateCatalog templateCatalog() {
        return new TemplateCatalog();
    }

    @Bean
    SendLedger sendLedger(MongoTemplate mongo) {
        return new MongoSendLedger(mongo);
    }

    @Bean
    ConversationWindows conversationWindows(MongoTemplate mongo, SenderProperties properties) {
        return new MongoConversationWindows(mongo, properties.window().length());
    }

    /** Returns once the broker has the record: offsets are committed only after that. */
    @Bean
    RecordPublisher recordPublisher(TopicPublisher topics) {
        return record -> {
            try {
                topics.publish(record).get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing " + record.id(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish " + record.getClass().getSimpleName() + " "
                        + record.id() + ": " + e, e);
            }
        };
    }

    @Bean
    TemplateSync templateSync(GraphApiClient graph, TemplateCatalog catalog, RecordPublisher publisher,
                              Clock clock) {
        return new TemplateSync(graph, catalog, publisher, clock);
    }

    @Bean
    MessageSender messageSender(AccountRegistry accounts, GraphApiClient graph, SendLedger ledger,
                                ConversationWindows windows, TemplateCatalog templates, RecordPublisher publisher,
                                ObjectProvider<MetaCallObserver> observer, SenderProperties properties,
                                MeterRegistry meters, Clock clock) {
        return new MessageSender(accounts, graph, ledger, windows, templates, publisher,
                observer.getIfAvailable(() -> MetaCallObserver.NONE), properties, meters, clock);
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> commandDeadLetterProducer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbound-sender-dead-letters");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    CommandConsumer commandConsumer(KafkaProperties kafka, KafkaProducer<String, byte[]> commandDeadLetterProducer,
                                    MessageSender sender, SenderProperties properties, MeterRegistry meters) {
        return new CommandConsumer(kafka.buildConsumerProperties(), commandDeadLetterProducer, sender,
                properties.consumer(), meters);
    }

    /** Starts reading commands once everything else runs; stops first, letting running sends finish. */
    @Bean
    SmartLifecycle commandConsumerLifecycle(CommandConsumer consumer) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                consumer.start();
            }

            @Override
            public void stop() {
                consumer.stop();
            }

            @Override
            public boolean isRunning() {
                return consumer.isRunning();
            }
        };
    }

    @Bean
    RecipientHousekeeping recipientHousekeeping(MessageSender sender) {
        return new RecipientHousekeeping(sender);
    }

    static final class RecipientHousekeeping {
        private final MessageSender sender;

        RecipientHousekeeping(MessageSender sender) {
            this.sender = sender;
        }

        @Scheduled(fixedDelay = 60_000)
        void forgetIdleRecipients() {
            sender.channels().forEach(NumberChannel::forgetIdleRecipients);
        }
    }
}
