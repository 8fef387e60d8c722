package io.wabiz.notifier.payments;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.notifier.invoices.InvoiceDocument;
import io.wabiz.notifier.invoices.InvoiceProjection;
import io.wabiz.platform.kafka.TopicPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Provider callbacks to {@code PaymentReceived}: the callback must come from the provider (signature, secret or
 * token), name a session we opened, and be confirmed by asking the provider for the session's status (paid, for
 * the session's amount and currency); the provider's transaction id then books it once. A forged, replayed or
 * disagreeing callback changes nothing. The ledger entry is inserted with a claim: a replay while the first
 * delivery is still publishing publishes nothing (it is asked to come back), one after a crash or a failed publish
 * takes the claim over and publishes the same event (same id), so the ERP sees one {@code PaymentReceived}.
 */
public class PaymentCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

    private final PaymentProviders providers;
    private final PaymentSessions sessions;
    private final InvoiceProjection invoices;
    private final MongoTemplate mongo;
    private final TopicPublisher publisher;
    private final MeterRegistry meters;
    private final Duration publishTimeout;
    private final Clock clock;

    public PaymentCallbacks(PaymentProviders providers, PaymentSessions sessions, InvoiceProjection invoices,
                            MongoTemplate mongo, TopicPublisher publisher, MeterRegistry meters,
                            Duration publishTimeout, Clock clock) {
        this.providers = providers;
        this.sessions = sessions;
        this.invoices = invoices;
        this.mongo = mongo;
        this.publisher = publisher;
        this.meters = meters;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** What a callback came to; the web edge answers the provider from it. */
    public enum Result {
        /** A payment booked for the first time. */
        BOOKED,
        /** The transaction was booked before: nothing again. */
        DUPLICATE,
        /** Genuine, but nothing to book (pending, failed, expired, or the provider's answer disagrees). */
        NOTHING_TO_BOOK,
        /** Not from the provider, or malformed. */
        REJECTED,
        /** About no session of ours (or no such provider). */
        UNKNOWN_SESSION,
        /**
         * Booked by another delivery of the callback that is telling the ERP right now: nothing published; the
         * provider is asked to retry (if the other one fails, the retry tells the ERP).
         */
        IN_PROGRESS
    }

    public Result handle(String providerId, InboundCallback callback) {
        Optional<PaymentLinkProvider> found = providers.find(providerId);
        if (found.isEmpty()) {
            return count(providerId, Result.UNKNOWN_SESSION);
        }
        PaymentLinkProvider provider = found.get();
        CallbackVerdict verdict = provider.verifyCallback(callback);
        if (verdict instanceof CallbackVerdict.Rejected rejected) {
            log.warn("{} callback refused: {}", providerId, rejected.reason());
            return count(providerId, Result.REJECTED);
        }
        if (!(verdict instanceof CallbackVerdict.Verified verified)) {
            return count(providerId, Result.NOTHING_TO_BOOK);
        }
        Optional<PaymentSession> session = switch (verified.session()) {
            case CallbackVerdict.SessionMatch.ByProviderRef ref -> sessions.byProviderRef(providerId, ref.providerRef());
            case CallbackVerdict.SessionMatch.BySecret secret ->
                    sessions.bySecret(providerId, secret.name(), secret.value());
        };
        if (session.isEmpty()) {
            log.warn("{} callback {} names no session of ours", providerId, verified.eventId());
            return count(providerId, Result.UNKNOWN_SESSION);
        }
        return confirm(provider, session.get(), verified);
    }

    private Result confirm(PaymentLinkProvider provider, PaymentSession session, CallbackVerdict.Verified callback) {
        ProviderStatus status = provider.fetchStatus(session.providerSession());
        if (status.status() != ProviderStatus.Status.SUCCEEDED) {
            if (status.status().closed()) {
                sessions.save(withState(session, PaymentSession.State.CLOSED));
            }
            log.info("{} callback {} ({}): the session {} is {} ({})", provider.id(), callback.eventId(),
                    callback.claimedStatus(), session.reference(), status.status(), status.rawStatus());
            return count(provider.id(), Result.NOTHING_TO_BOOK);
        }
        if (status.paidAmount() == null || status.paidAmount().compareTo(session.amount()) != 0
                || !session.currency().equals(status.currency())) {
            log.error("{} says session {} was paid {} {}, but it was opened for {} {}: not booked", provider.id(),
                    session.reference(), status.paidAmount(), status.currency(), session.amount(), session.currency());
            meters.counter("notifier.payments.disagreements", "provider", provider.id()).increment();
            return count(provider.id(), Result.NOTHING_TO_BOOK);
        }
        String transaction = status.transactionId() != null ? status.transactionId() : "session:" + session.reference();
        String id = provider.id() + ":" + transaction;
        Instant paidAt = status.paidAt() != null ? status.paidAt() : clock.instant();
        Instant now = clock.instant();
        try {
            mongo.insert(new ReceivedPayment(id, session.reference(), session.invoiceId(), session.amount(),
                    session.currency(), paidAt, false, now, now.plus(claim())));
        } catch (DuplicateKeyException seen) {
            // booked before: told already, being told by another callback right now, or left untold by a crash
            if (!takeOver(id, now)) {
                ReceivedPayment earlier = mongo.findById(id, ReceivedPayment.class);
                return count(provider.id(), earlier != null && earlier.published() ? Result.DUPLICATE
                        : Result.IN_PROGRESS);
            }
        }
        publish(provider, session, transaction, paidAt, id);
        sessions.save(withState(session, PaymentSession.State.PAID));
        log.info("Payment {} of {} {} for invoice {} booked", id, session.amount(), session.currency(),
                session.invoiceId());
        return count(provider.id(), Result.BOOKED);
    }

    private void publish(PaymentLinkProvider provider, PaymentSession session, String transaction, Instant paidAt,
                         String ledgerId) {
        Optional<InvoiceDocument> invoice = invoices.find(session.invoiceId());
        PaymentReceived event = new PaymentReceived(
                UUID.nameUUIDFromBytes(("payment:" + ledgerId).getBytes(StandardCharsets.UTF_8)).toString(),
                clock.instant(), session.invoiceId(), invoice.map(i -> i.invoice().number()).orElse(null),
                invoice.map(i -> i.invoice().companyId()).orElse(null),
                invoice.map(i -> i.invoice().partnerId()).orElse(null), provider.id(), transaction, session.amount(),
                session.currency(), paidAt);
        try {
            publisher.publish(event).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a payment", e);
        } catch (ExecutionException | TimeoutException e) {
            // the provider retries its callback (answered 500); giving up the claim lets that retry publish this
            // same event at once
            mongo.updateFirst(Query.query(Criteria.where("_id").is(ledgerId).and("published").is(false)),
                    new Update().set("claimedUntil", Instant.EPOCH), ReceivedPayment.class);
            throw new IllegalStateException("Kafka did not acknowledge payment " + ledgerId, e);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ledgerId)), new Update().set("published", true),
                ReceivedPayment.class);
    }

    /** How long a callback may take to tell the ERP before a replay of it takes over: the publish and a margin. */
    private Duration claim() {
        return publishTimeout.multipliedBy(2);
    }

    /** Takes over an untold payment whose claim ran out (its callback died or failed); false when there is none. */
    private boolean takeOver(String id, Instant now) {
        Query untold = Query.query(Criteria.where("_id").is(id).and("published").is(false).orOperator(
                Criteria.where("claimedUntil").lt(now), Criteria.where("claimedUntil").exists(false)));
        return mongo.findAndModify(untold, new Update().set("claimedUntil", now.plus(claim())),
                ReceivedPayment.class) != null;
    }

    private Result count(String provider, Result result) {
        meters.counter("notifier.payments.callbacks", "provider", provider, "result",
                result.name().toLowerCase(java.util.Locale.ROOT)).increment();
        return result;
    }

    private static PaymentSession withState(PaymentSession s, PaymentSession.State state) {
        return new PaymentSession(s.reference(), s.invoiceId(), s.provider(), s.providerRef(), s.amount(),
                s.currency(), s.payUrl(), s.expiresAt(), s.secrets(), state, s.createdAt());
    }
}
