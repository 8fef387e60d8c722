package io.wabiz.notifier.payments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The sessions asked of providers, and a short lease per (invoice, provider) so that two taps at once open one
 * session, not two (single-document atomic writes only: an upsert that fails on a held lease).
 */
public class PaymentSessions {

    static final String LOCKS = "payment_locks";

    private final MongoTemplate mongo;

    public PaymentSessions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(PaymentSession session) {
        mongo.insert(session);
    }

    public PaymentSession save(PaymentSession session) {
        return mongo.save(session);
    }

    public Optional<PaymentSession> find(String reference) {
        return Optional.ofNullable(mongo.findById(reference, PaymentSession.class));
    }

    /**
     * An open session of this invoice and provider for exactly {@code amount} that stays payable past
     * {@code usableUntil}: a customer sent there will not meet an expired page or pay a stale amount.
     */
    public Optional<PaymentSession> usable(String invoiceId, String provider, BigDecimal amount, String currency,
                                           Instant usableUntil, Duration assumedLifetime) {
        List<PaymentSession> open = mongo.find(query(where("invoiceId").is(invoiceId).and("provider").is(provider)
                .and("state").is(PaymentSession.State.OPEN)), PaymentSession.class);
        return open.stream()
                .filter(s -> s.amount().compareTo(amount) == 0 && s.currency().equals(currency))
                .filter(s -> (s.expiresAt() != null ? s.expiresAt() : s.createdAt().plus(assumedLifetime))
                        .isAfter(usableUntil))
                .max(Comparator.comparing(PaymentSession::createdAt));
    }

    public List<PaymentSession> openOf(String invoiceId) {
        return mongo.find(query(where("invoiceId").is(invoiceId).and("state").is(PaymentSession.State.OPEN)),
                PaymentSession.class);
    }

    public Optional<PaymentSession> byProviderRef(String provider, String providerRef) {
        return Optional.ofNullable(mongo.findOne(query(where("provider").is(provider).and("providerRef")
                .is(providerRef)), PaymentSession.class));
    }

    public Optional<PaymentSession> bySecret(String provider, String name, String value) {
        return Optional.ofNullable(mongo.findOne(query(where("provider").is(provider).and("secrets." + name)
                .is(value)), PaymentSession.class));
    }

    /** Takes the lease of (invoice, provider) until {@code until}; false while someone else holds it. */
    public boolean lease(String invoiceId, String provider, Instant now, Instant until) {
        try {
            mongo.findAndModify(query(where("_id").is(invoiceId + "|" + provider).and("until").lt(now)),
                    new Update().set("until", until), FindAndModifyOptions.options().upsert(true),
                    org.bson.Document.class, LOCKS);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    public void release(String invoiceId, String provider) {
        mongo.remove(query(where("_id").is(invoiceId + "|" + provider)), LOCKS);
    }
}
