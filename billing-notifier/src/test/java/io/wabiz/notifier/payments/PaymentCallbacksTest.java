package io.wabiz.notifier.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.notifier.invoices.InvoiceProjection;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.testsupport.SharedMongoServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The payment ledger under replays that race: a provider's callback delivered again while the first delivery is
 * still telling the ERP, after a publish Kafka refused, and after the instance that booked it died. The ERP hears of
 * each payment in one {@code PaymentReceived}, never two. Embedded MongoDB; Kafka's acknowledgement played by hand.
 */
class PaymentCallbacksTest {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedMongoServer.connectionString("payment-callbacks-test"));
        mongo = new MongoTemplate(client, "payment-callbacks-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aCallbackReplayedWhileTheFirstIsTellingTheErpPublishesNothingAndTheErpHearsOnce() throws Exception {
        String providerRef = openSession();
        HandAckedPublisher kafka = new HandAckedPublisher();
        PaymentCallbacks callbacks = callbacks(kafka);
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<PaymentCallbacks.Result> booking = first.submit(() -> callbacks.handle("paid", callback(providerRef)));
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.published.size() == 1); // waiting for its ack

            assertThat(callbacks.handle("paid", callback(providerRef))).isEqualTo(PaymentCallbacks.Result.IN_PROGRESS);
            assertThat(kafka.published).hasSize(1);

            kafka.acks.getFirst().complete(null);
            assertThat(booking.get(10, TimeUnit.SECONDS)).isEqualTo(PaymentCallbacks.Result.BOOKED);
            assertThat(callbacks.handle("paid", callback(providerRef))).isEqualTo(PaymentCallbacks.Result.DUPLICATE);
            assertThat(kafka.published).hasSize(1);
        } finally {
            first.shutdownNow();
        }
    }

    @Test
    void aPaymentKafkaRefusedIsToldByTheProvidersRetryWithTheSameEventThenNeverAgain() {
        String providerRef = openSession();
        HandAckedPublisher kafka = new HandAckedPublisher();
        kafka.refuseNext = true;
        PaymentCallbacks callbacks = callbacks(kafka);

        assertThatThrownBy(() -> callbacks.handle("paid", callback(providerRef)))
                .hasMessageContaining("did not acknowledge");
        kafka.ackEverything = true;
        assertThat(callbacks.handle("paid", callback(providerRef))).isEqualTo(PaymentCallbacks.Result.BOOKED);
        assertThat(callbacks.handle("paid", callback(providerRef))).isEqualTo(PaymentCallbacks.Result.DUPLICATE);

        assertThat(kafka.published).hasSize(2).extracting(TopicRecord::id).containsOnly(kafka.published.getFirst().id());
    }

    @Test
    void aPaymentLeftUntoldByAnInstanceThatDiedIsToldOnceItsClaimRanOut() {
        String providerRef = openSession();
        PaymentSession session = new PaymentSessions(mongo).byProviderRef("paid", providerRef).orElseThrow();
        String transaction = "T-" + providerRef;
        // booked by an instance that died before Kafka acknowledged, its claim over
        mongo.insert(new ReceivedPayment("paid:" + transaction, session.reference(), session.invoiceId(),
                session.amount(), session.currency(), Instant.now(), false, Instant.now().minusSeconds(60),
                Instant.now().minusSeconds(1)));
        HandAckedPublisher kafka = new HandAckedPublisher();
        kafka.ackEverything = true;
        PaymentCallbacks callbacks = callbacks(kafka);

        assertThat(callbacks.handle("paid", callback(providerRef))).isEqualTo(PaymentCallbacks.Result.BOOKED);
        assertThat(callbacks.handle("paid", callback(providerRef))).isEqualTo(PaymentCallbacks.Result.DUPLICATE);
        assertThat(kafka.published).singleElement().isInstanceOfSatisfying(PaymentReceived.class,
                p -> assertThat(p.providerTransactionId()).isEqualTo(transaction));
    }

    private static PaymentCallbacks callbacks(TopicPublisher kafka) {
        PaymentSessions sessions = new PaymentSessions(mongo);
        return new PaymentCallbacks(new PaymentProviders(List.of(new PaidProvider())), sessions,
                new InvoiceProjection(mongo), mongo, kafka, new SimpleMeterRegistry(), PUBLISH_TIMEOUT,
                Clock.systemUTC());
    }

    /** An open session of a new invoice at the provider; returns the provider's id of it. */
    private static String openSession() {
        String providerRef = "cos-" + UUID.randomUUID();
        new PaymentSessions(mongo).insert(new PaymentSession("pay-" + UUID.randomUUID(),
                "account.move/" + UUID.randomUUID(), "paid", providerRef, new BigDecimal("15000"), "XOF",
                "https://pay.example/" + providerRef, Instant.now().plus(Duration.ofMinutes(30)), Map.of(),
                PaymentSession.State.OPEN, Instant.now()));
        return providerRef;
    }

    private static InboundCallback callback(String providerRef) {
        return new InboundCallback(providerRef.getBytes(), Map.of(), Instant.now());
    }

    /**
     * A provider whose callbacks are genuine and name their session by the body, and whose every session is paid
     * in full (the adapters' own checks are WaveCheckoutTest's and OrangeMoneyWebPayTest's).
     */
    private static final class PaidProvider implements PaymentLinkProvider {
        @Override
        public String id() {
            return "paid";
        }

        @Override
        public String displayName() {
            return "Paid";
        }

        @Override
        public Set<String> currencies() {
            return Set.of("XOF");
        }

        @Override
        public SessionOutcome createSession(SessionRequest request) {
            return new SessionOutcome.Created("cos-" + request.merchantReference(), URI.create("https://pay.example"),
                    null, Map.of());
        }

        @Override
        public ProviderStatus fetchStatus(ProviderSession session) {
            return new ProviderStatus(ProviderStatus.Status.SUCCEEDED, "succeeded", session.amount(),
                    session.currency(), "T-" + session.providerRef(), Instant.parse("2026-11-24T17:00:00Z"), null);
        }

        @Override
        public CallbackVerdict verifyCallback(InboundCallback callback) {
            return new CallbackVerdict.Verified("event-" + UUID.randomUUID(),
                    new CallbackVerdict.SessionMatch.ByProviderRef(new String(callback.body())), "succeeded");
        }
    }

    /** Kafka as the test acknowledges it: by hand, all at once, or a refusal. */
    private static final class HandAckedPublisher extends TopicPublisher {
        final List<TopicRecord> published = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<SendResult<String, TopicRecord>>> acks = new CopyOnWriteArrayList<>();
        volatile boolean ackEverything;
        volatile boolean refuseNext;

        HandAckedPublisher() {
            super(null);
        }

        @Override
        public CompletableFuture<SendResult<String, TopicRecord>> publish(TopicRecord record) {
            published.add(record);
            CompletableFuture<SendResult<String, TopicRecord>> ack = new CompletableFuture<>();
            if (refuseNext) {
                refuseNext = false;
                ack.completeExceptionally(new IllegalStateException("not enough replicas"));
            } else if (ackEverything) {
                ack.complete(null);
            }
            acks.add(ack);
            return ack;
        }
    }
}
