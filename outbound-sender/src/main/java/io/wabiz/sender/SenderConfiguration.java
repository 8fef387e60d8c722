package io.wabiz.sender;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.platform.kafka.DeadLetters;
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
import io.wabiz.sender.send.NumberChannels;
import io.wabiz.sender.send.OutcomeReconciler;
import io.wabiz.sender.send.SendLedger;
import io.wabiz.sender.send.SendMetrics;
import io.wabiz.sender.templates.TemplateCatalog;
import io.wabiz.sender.templates.TemplateSync;
import io.wabiz.sender.window.ConversationWindows;
import io.wabiz.sender.window.MongoConversationWindows;
import io.swagger.v3.oas.models.OpenAPI;
import io.wabiz.platform.security.StaffApiSecurity;
import io.wabiz.platform.security.StaffRoles;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

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
    SendLedger sendLedger(MongoTemplate mongo, Clock clock) {
        return new MongoSendLedger(mongo, clock);
    }

    @Bean
    ConversationWindows conversationWindows(MongoTemplate mongo, SenderProperties properties) {
        return new MongoConversationWindows(mongo, properties.window().length());
    }

    /** Returns once the broker has the record: offsets are committed only after that. */
    @Bean
    RecordPublisher recordPublisher(TopicPublisher topics) {
        return record -> topics.publishAndWait(record, Duration.ofSeconds(60));
    }

    /**
     * The operators' API (numbers, diagnostics, pauses, media upload, template sync) is for administrators only,
     * under the platform's one scheme; health and Prometheus stay open, anything else is denied.
     */
    @Bean
    SecurityFilterChain operatorsApi(HttpSecurity http, SenderProperties properties,
                                     ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        return StaffApiSecurity.filterChain(http, properties.security(), jwtDecoder.getIfAvailable(), auth -> auth
                .requestMatchers("/accounts/**", "/templates/**")
                .hasRole(StaffRoles.ADMIN));
    }

    /** The operators' API document, open like Swagger UI ({@link ApiDocs}). */
    @Bean
    OpenAPI operatorsApiDocument() {
        return ApiDocs.document();
    }

    @Bean
    TemplateSync templateSync(GraphApiClient graph, TemplateCatalog catalog, RecordPublisher publisher,
                              Clock clock) {
        return new TemplateSync(graph, catalog, publisher, clock);
    }

    @Bean
    NumberChannels numberChannels(AccountRegistry accounts, SenderProperties properties, MeterRegistry meters) {
        return new NumberChannels(accounts, properties, meters);
    }

    @Bean
    SendMetrics sendMetrics(MeterRegistry meters) {
        return new SendMetrics(meters);
    }

    @Bean
    OutcomeReconciler outcomeReconciler(SendLedger ledger, RecordPublisher publisher, SendMetrics metrics,
                                        SenderProperties properties, Clock clock) {
        return new OutcomeReconciler(ledger, publisher, metrics, properties.reconciliation().resolveWithin(), clock);
    }

    @Bean
    MessageSender messageSender(AccountRegistry accounts, NumberChannels channels, GraphApiClient graph,
                                SendLedger ledger, ConversationWindows windows, TemplateCatalog templates,
                                RecordPublisher publisher, ObjectProvider<MetaCallObserver> observer,
                                OutcomeReconciler reconciler, SenderProperties properties, SendMetrics metrics,
                                Clock clock) {
        return new MessageSender(accounts, channels, graph, ledger, windows, templates, publisher,
                observer.getIfAvailable(() -> MetaCallObserver.NONE), reconciler, properties, metrics, clock);
    }

    /** Poison commands go to platform-kafka's dead letters, like the listener containers' records. */
    @Bean
    CommandConsumer commandConsumer(KafkaProperties kafka, DeadLetters deadLetters, MessageSender sender,
                                    NumberChannels channels, SenderProperties properties, MeterRegistry meters) {
        return new CommandConsumer(kafka.buildConsumerProperties(), deadLetters, sender, channels,
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
    RecipientHousekeeping recipientHousekeeping(NumberChannels channels) {
        return new RecipientHousekeeping(channels);
    }

    static final class RecipientHousekeeping {
        private final NumberChannels channels;

        RecipientHousekeeping(NumberChannels channels) {
            this.channels = channels;
        }

        @Scheduled(fixedDelay = 60_000)
        void forgetIdleRecipients() {
            channels.all().forEach(NumberChannel::forgetIdleRecipients);
        }
    }
}
