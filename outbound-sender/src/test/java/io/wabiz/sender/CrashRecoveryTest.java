package io.wabiz.sender;

import static io.wabiz.sender.MetaGraphApiStub.sendsWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.sender.send.MessageSender;
import io.wabiz.sender.send.MetaCallObserver;
import io.wabiz.sender.window.ConversationWindows;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sender dies between Meta's answer and the outcome (no outcome published, no offset committed),
 * and a new sender on the same consumer group takes over: Meta must not get the message twice, and the
 * doubt must be visible.
 */
class CrashRecoveryTest {

    private static final String NUMBER = "100000000000009";
    private static final String TOPIC = "whatsapp.outbound.commands.crash-test";

    private static ConfigurableApplicationContext startSender(MetaCallObserver observer) {
        return new SpringApplicationBuilder(OutboundSenderApplication.class)
                .initializers(context -> {
                    if (observer != null) {
                        context.getBeanFactory().registerSingleton("crashingObserver", observer);
                    }
                })
                .run(
                        "--spring.application.name=outbound-sender-crash-test",
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers(),
                        "--spring.mongodb.uri=" + SharedMongoServer.connectionString("outbound-sender-crash"),
                        "--sender.graph-api.base-url=" + MetaGraphApiStub.baseUrl(),
                        "--sender.accounts[0].phone-number-id=" + NUMBER,
                        "--sender.accounts[0].waba-id=200000000000009",
                        "--sender.accounts[0].access-token=test-token-not-a-secret-9",
                        "--sender.consumer.topic=" + TOPIC,
                        "--sender.consumer.group-id=crash-test-commands",
                        "--sender.consumer.shutdown-timeout=1s",
                        "--sender.consumer.failure-retry-delay=1h",
                        "--sender.templates.sync-on-start=false",
                        "--sender.rate.recipient-spacing=0s",
                        "--logging.structured.format.console=");
    }

    @Test
    void senderKilledAfterMetasAnswerAndRestartedDoesNotSendAgainAndReportsTheOutcomeAsUnknown() {
        SharedKafkaBroker.broker().addTopics(new NewTopic(TOPIC, 1, (short) 1));
        MetaGraphApiStub.acceptEverySend();
        String customer = "221779990001";
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), Instant.now(), NUMBER, customer,
                new OutboundContent.Text("Votre facture est prête", false), null, "crash-" + UUID.randomUUID(),
                null, null);
        AtomicInteger crashes = new AtomicInteger();

        KafkaTestClient kafka = KafkaTestClient.shared();
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            ConfigurableApplicationContext first = startSender((sent, result) -> {
                crashes.incrementAndGet();
                throw new IllegalStateException("simulated crash right after Meta answered " + result);
            });
            try {
                first.getBean(ConversationWindows.class).customerWrote(command.conversationKey(), Instant.now());
                kafka.publish(TOPIC, command.key(), command);
                await().atMost(Duration.ofSeconds(30)).until(() -> crashes.get() == 1);
                assertThat(sendsWithKey(command.idempotencyKey())).hasSize(1);
            } finally {
                first.close();
            }
            assertThat(outcomes.events()).as("the crashed sender published nothing").isEmpty();

            ConfigurableApplicationContext second = startSender(null);
            try {
                MessageRejected rejected = outcomes.awaitEvent(MessageRejected.class,
                        r -> r.idempotencyKey().equals(command.idempotencyKey()));
                assertThat(rejected.errorTitle()).isEqualTo(MessageSender.OUTCOME_UNKNOWN);
                assertThat(rejected.helpText()).contains("check the conversation before resending");
                assertThat(rejected.retryable()).isFalse();
                assertThat(second.getBean(MeterRegistry.class).counter("sender.outcome.unknown", "number", NUMBER)
                        .count()).isEqualTo(1.0);
                assertThat(sendsWithKey(command.idempotencyKey())).as("Meta got the message once").hasSize(1);
            } finally {
                second.close();
            }
        }
    }
}
