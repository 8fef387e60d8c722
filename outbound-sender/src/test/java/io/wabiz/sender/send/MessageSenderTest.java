package io.wabiz.sender.send;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.wabiz.sender.MetaGraphApiStub.metaError;
import static io.wabiz.sender.MetaGraphApiStub.okJson;
import static io.wabiz.sender.MetaGraphApiStub.resource;
import static io.wabiz.sender.MetaGraphApiStub.sendWithKey;
import static io.wabiz.sender.MetaGraphApiStub.sendsWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.sender.MetaGraphApiStub;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.Account;
import io.wabiz.sender.accounts.AccountRegistry;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.templates.TemplateCatalog;
import io.wabiz.sender.window.ConversationWindows;
import io.wabiz.sender.window.MongoConversationWindows;
import io.wabiz.testsupport.SharedMongoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The sender's decisions with its real parts - the embedded MongoDB (ledger, windows), WireMock as Meta,
 * the JDK HTTP client - and a clock the test sets: the 24-hour window to the second, Meta's 131047, and a
 * shutdown before and during a call. A "restart" is a new {@link MessageSender} on the same database.
 */
class MessageSenderTest {

    private static final String NUMBER = "100000000000011";
    private static final String DATABASE = "outbound-sender-slice";
    private static final OutboundContent.Text HELLO = new OutboundContent.Text("Bonjour", false);
    private static final OutboundContent.Template FALLBACK = new OutboundContent.Template("conversation_reopen", "fr",
            List.of(new OutboundContent.TemplateComponent("body", null, null,
                    List.of(OutboundContent.TemplateParameter.text("Awa")))));

    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create(SharedMongoServer.connectionString(DATABASE)), DATABASE);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final List<TopicRecord> published = new CopyOnWriteArrayList<>();
    private final ConversationWindows windows = new MongoConversationWindows(mongo, Duration.ofHours(24));
    private final SendLedger ledger = new MongoSendLedger(mongo, clock);

    private static SenderProperties properties(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "sender.accounts[0].phone-number-id", NUMBER,
                "sender.accounts[0].waba-id", "200000000000011",
                "sender.accounts[0].access-token", "test-token-not-a-secret-11",
                "sender.graph-api.base-url", MetaGraphApiStub.baseUrl(),
                "sender.graph-api.request-timeout", "10s",
                "sender.rate.recipient-spacing", "0s",
                "sender.templates.verify", "false"));
        values.putAll(overrides);
        return new Binder(new MapConfigurationPropertySource(values)).bind("sender", SenderProperties.class).get();
    }

    /** A sender as a process starts it, on the shared database. */
    private MessageSender startSender(SenderProperties properties) {
        AccountRegistry accounts = new AccountRegistry(properties.accounts().stream().map(a -> new Account(
                a.phoneNumberId(), a.wabaId(), a.accessToken(), a.apiVersion(), a.messagesPerSecond())).toList());
        SendMetrics metrics = new SendMetrics(new SimpleMeterRegistry());
        return new MessageSender(accounts, new NumberChannels(accounts, properties, new SimpleMeterRegistry()),
                new GraphApiClient(properties.graphApi()), ledger, windows, new TemplateCatalog(), published::add,
                MetaCallObserver.NONE, reconciler(), properties, metrics, clock);
    }

    private OutcomeReconciler reconciler() {
        return new OutcomeReconciler(ledger, published::add, new SendMetrics(new SimpleMeterRegistry()),
                Duration.ofMinutes(15), clock);
    }

    @BeforeEach
    void metaAcceptsSends() {
        MetaGraphApiStub.server().resetAll();
        MetaGraphApiStub.acceptEverySend();
    }

    private static SendMessage command(String customer, OutboundContent.Template fallback) {
        return new SendMessage(UUID.randomUUID().toString(), Instant.now(), NUMBER, customer, HELLO, fallback,
                "slice-" + UUID.randomUUID(), null, null);
    }

    private static String customer() {
        return "2217" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    private <T extends TopicRecord> T outcome(Class<T> type, SendMessage command) {
        return published.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> command.idempotencyKey().equals(switch (r) {
                    case MessageAccepted a -> a.idempotencyKey();
                    case MessageRejected j -> j.idempotencyKey();
                    default -> null;
                })).reduce((first, second) -> second).orElseThrow();
    }

    private static String typeSent(SendMessage command) {
        return EventJson.mapper().readTree(sendsWithKey(command.idempotencyKey()).getLast().getBodyAsString())
                .path("type").asString();
    }

    @Test
    void freeFormGoesUntilOneSecondBefore24HoursAfterTheCustomerWroteAndTheFallbackOneSecondAfter() throws Exception {
        String customer = customer();
        Instant wrote = clock.instant();
        windows.customerWrote(ConversationKey.of(NUMBER, customer), wrote);
        MessageSender sender = startSender(properties(Map.of()));

        clock.set(wrote.plus(Duration.ofHours(24)).minusSeconds(1));
        SendMessage inTime = command(customer, FALLBACK);
        sender.send(inTime);
        assertThat(outcome(MessageAccepted.class, inTime).form()).isEqualTo(SendForm.FREE_FORM);
        assertThat(typeSent(inTime)).isEqualTo("text");

        clock.set(wrote.plus(Duration.ofHours(24)).plusSeconds(1));
        SendMessage late = command(customer, FALLBACK);
        sender.send(late);
        MessageAccepted fallback = outcome(MessageAccepted.class, late);
        assertThat(fallback.form()).isEqualTo(SendForm.FALLBACK_TEMPLATE);
        assertThat(fallback.content()).isEqualTo(FALLBACK);
        assertThat(typeSent(late)).isEqualTo("template");

        SendMessage lateWithoutFallback = command(customer, null);
        sender.send(lateWithoutFallback);
        assertThat(outcome(MessageRejected.class, lateWithoutFallback).errorCode()).isEqualTo(131047);
        assertThat(sendsWithKey(lateWithoutFallback.idempotencyKey())).as("refused before any call").isEmpty();
    }

    @Test
    void metaSaying131047ClosesTheWindowAndSendsTheFallbackTemplateOnce() throws Exception {
        String customer = customer();
        windows.customerWrote(ConversationKey.of(NUMBER, customer), clock.instant().minusSeconds(60));
        SendMessage command = command(customer, FALLBACK);
        MetaGraphApiStub.server().stubFor(sendWithKey(command.idempotencyKey())
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .willReturn(metaError(400, 131047, "Re-engagement message")));

        startSender(properties(Map.of())).send(command);

        MessageAccepted accepted = outcome(MessageAccepted.class, command);
        assertThat(accepted.form()).isEqualTo(SendForm.FALLBACK_TEMPLATE);
        assertThat(accepted.content()).isEqualTo(FALLBACK);
        var requests = sendsWithKey(command.idempotencyKey());
        assertThat(requests).hasSize(2);
        assertThat(EventJson.mapper().readTree(requests.get(0).getBodyAsString()).path("type").asString())
                .isEqualTo("text");
        assertThat(EventJson.mapper().readTree(requests.get(1).getBodyAsString()).path("type").asString())
                .isEqualTo("template");
        assertThat(windows.isOpen(command.conversationKey(), clock.instant())).isFalse();
        assertThat(published).filteredOn(MessageRejected.class::isInstance).isEmpty();
    }

    @Test
    void shutdownBeforeTheCallForgetsTheSendAndTheNextDeliverySendsItOnce() throws Exception {
        String customer = customer();
        windows.customerWrote(ConversationKey.of(NUMBER, customer), clock.instant());
        MessageSender first = startSender(properties(Map.of("sender.rate.recipient-spacing", "1h")));
        first.send(command(customer, null)); // the customer's last send: the next waits an hour for its turn
        SendMessage waiting = command(customer, null);

        AtomicReference<Throwable> stopped = new AtomicReference<>();
        Thread delivery = Thread.ofVirtual().start(() -> {
            try {
                first.send(waiting);
            } catch (Throwable e) {
                stopped.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery.getState() == Thread.State.TIMED_WAITING);
        delivery.interrupt(); // what the consumer's shutdownNow does
        delivery.join(Duration.ofSeconds(10));

        assertThat(stopped.get()).isInstanceOf(InterruptedException.class)
                .isNotInstanceOf(RetryPolicy.StoppedAfterReachingMeta.class);
        assertThat(sendsWithKey(waiting.idempotencyKey())).isEmpty();

        startSender(properties(Map.of())).send(waiting); // redelivered after the restart
        assertThat(outcome(MessageAccepted.class, waiting).form()).isEqualTo(SendForm.FREE_FORM);
        assertThat(sendsWithKey(waiting.idempotencyKey())).as("sent once, later").hasSize(1);
    }

    @Test
    void shutdownDuringTheCallKeepsItInFlightAndTheNextDeliveryReportsItUnknownUntilItsStatus() throws Exception {
        String customer = customer();
        windows.customerWrote(ConversationKey.of(NUMBER, customer), clock.instant());
        SendMessage command = command(customer, null);
        MetaGraphApiStub.server().stubFor(sendWithKey(command.idempotencyKey())
                .willReturn(okJson(resource("meta/message.json")).withFixedDelay(5_000)));
        MessageSender first = startSender(properties(Map.of()));

        AtomicReference<Throwable> stopped = new AtomicReference<>();
        Thread delivery = Thread.ofVirtual().start(() -> {
            try {
                first.send(command);
            } catch (Throwable e) {
                stopped.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> sendsWithKey(command.idempotencyKey()).size() == 1);
        delivery.interrupt(); // Meta has the request and has not answered yet
        delivery.join(Duration.ofSeconds(10));

        assertThat(stopped.get()).isInstanceOf(RetryPolicy.StoppedAfterReachingMeta.class);
        assertThat(published).as("nothing decided: the outcome is not known").isEmpty();

        startSender(properties(Map.of())).send(command); // redelivered after the restart
        MessageRejected unknown = outcome(MessageRejected.class, command);
        assertThat(unknown.errorTitle()).isEqualTo(MessageSender.OUTCOME_UNKNOWN);
        assertThat(sendsWithKey(command.idempotencyKey())).as("not sent again").hasSize(1);

        reconciler().statusArrived(new MessageStatusChanged(UUID.randomUUID().toString(), clock.instant(), NUMBER,
                customer, "wamid.AFTER-SHUTDOWN", DeliveryStatus.DELIVERED, clock.instant(),
                command.idempotencyKey(), null, null, List.of()));
        MessageAccepted accepted = outcome(MessageAccepted.class, command);
        assertThat(accepted.wamid()).isEqualTo("wamid.AFTER-SHUTDOWN");
        assertThat(accepted.form()).isEqualTo(SendForm.FREE_FORM);
    }

    /** The time is whatever the test says. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
