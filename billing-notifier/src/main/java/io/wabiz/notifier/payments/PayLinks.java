package io.wabiz.notifier.payments;

import io.wabiz.notification.links.SignedTokens;
import io.wabiz.notifier.invoices.InvoiceDocument;
import io.wabiz.notifier.invoices.InvoiceProjection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own payment links, {@code /pay/{token}}: stable for as long as the invoice is due, whatever the
 * providers' sessions do (Wave's close after 30 minutes). Opening one asks the provider for a session for the
 * residual due <em>now</em>, or reuses an open session for exactly that amount, and sends the customer there; a
 * paid or cancelled invoice gets a page saying so, never a checkout.
 */
public class PayLinks {

    static final String PURPOSE = SignedTokens.PAY;
    private static final Logger log = LoggerFactory.getLogger(PayLinks.class);
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    /**
     * @param reuseMargin     a session is reused only if it stays open at least this long (time to pay)
     * @param assumedLifetime the lifetime of sessions whose provider does not say (Orange)
     * @param lease           how long one tap may take to open a session before another may try
     * @param linkLifetime    how long a payment link is valid at most (the invoice's state decides before that)
     */
    public record Settings(URI publicBaseUrl, Duration reuseMargin, Duration assumedLifetime, Duration lease,
                           Duration linkLifetime) {
    }

    private final SignedTokens tokens;
    private final InvoiceProjection invoices;
    private final PaymentProviders providers;
    private final PaymentSessions sessions;
    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PayLinks(SignedTokens tokens, InvoiceProjection invoices, PaymentProviders providers,
                    PaymentSessions sessions, Settings settings, Clock clock) {
        this.tokens = tokens;
        this.invoices = invoices;
        this.providers = providers;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One provider's link for an invoice. */
    public record Link(String provider, String displayName, String url) {
    }

    /** The links of every provider that can charge the invoice's currency, in order. */
    public List<Link> linksFor(String invoiceId, String currency) {
        Instant expiresAt = clock.instant().plus(settings.linkLifetime());
        return providers.forCurrency(currency).stream().map(p -> new Link(p.id(), p.displayName(),
                settings.publicBaseUrl().resolve("/pay/" + tokens.issue(PURPOSE, expiresAt, invoiceId, p.id()))
                        .toString())).toList();
    }

    /** Where opening a link leads. */
    public sealed interface Opened {
        record Redirect(URI payUrl) implements Opened {
        }

        record AlreadyPaid(String invoiceNumber) implements Opened {
        }

        record Cancelled(String invoiceNumber) implements Opened {
        }

        /** The provider cannot open a session now (down, refused, busy): the link works again later. */
        record Unavailable(String providerName) implements Opened {
        }

        record Invalid() implements Opened {
        }
    }

    public Opened open(String token) {
        if (!(tokens.verify(PURPOSE, token, clock.instant()) instanceof SignedTokens.Verdict.Valid valid)
                || valid.fields().size() != 2) {
            return new Opened.Invalid();
        }
        String invoiceId = valid.fields().get(0);
        Optional<PaymentLinkProvider> provider = providers.find(valid.fields().get(1));
        Optional<InvoiceDocument> invoice = invoices.find(invoiceId);
        if (provider.isEmpty() || invoice.isEmpty()) {
            return new Opened.Invalid();
        }
        InvoiceDocument doc = invoice.get();
        return switch (doc.status()) {
            case CANCELLED -> new Opened.Cancelled(doc.invoice().number());
            case PAID -> new Opened.AlreadyPaid(doc.invoice().number());
            case OPEN -> checkout(doc, provider.get());
        };
    }

    private Opened checkout(InvoiceDocument doc, PaymentLinkProvider provider) {
        String currency = doc.invoice().currency();
        BigDecimal due = doc.residual().setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0),
                RoundingMode.HALF_UP);
        Optional<PaymentSession> reusable = usable(doc, provider, due);
        if (reusable.isPresent()) {
            return new Opened.Redirect(URI.create(reusable.get().payUrl()));
        }
        Instant now = clock.instant();
        if (!sessions.lease(doc.id(), provider.id(), now, now.plus(settings.lease()))) {
            // another tap is opening a session right now: the customer tries again in a moment and gets it
            return new Opened.Unavailable(provider.displayName());
        }
        try {
            reusable = usable(doc, provider, due);
            if (reusable.isPresent()) {
                return new Opened.Redirect(URI.create(reusable.get().payUrl()));
            }
            return create(doc, provider, due);
        } finally {
            sessions.release(doc.id(), provider.id());
        }
    }

    private Opened create(InvoiceDocument doc, PaymentLinkProvider provider, BigDecimal due) {
        String reference = newReference();
        String currency = doc.invoice().currency();
        Instant now = clock.instant();
        sessions.insert(new PaymentSession(reference, doc.id(), provider.id(), null, due, currency, null, null, null,
                PaymentSession.State.CREATING, now));
        URI base = settings.publicBaseUrl();
        String back = "/pay/return/" + reference;
        SessionRequest request = new SessionRequest(reference, due, currency, base.resolve(back + "?outcome=done"),
                base.resolve(back + "?outcome=failed"), base.resolve("/payments/callbacks/" + provider.id()),
                "fr", "Facture " + doc.invoice().number());
        SessionOutcome outcome = provider.createSession(request);
        if (outcome instanceof SessionOutcome.Unknown unknown) {
            log.warn("Creating a {} session for invoice {} gave no answer ({}): searching for it", provider.id(),
                    doc.id(), unknown.cause());
            outcome = provider.findByReference(reference).<SessionOutcome>map(created -> created).orElse(outcome);
        }
        return switch (outcome) {
            case SessionOutcome.Created created -> {
                sessions.save(new PaymentSession(reference, doc.id(), provider.id(), created.providerRef(), due,
                        currency, created.payUrl().toString(), created.expiresAt(), created.secrets(),
                        PaymentSession.State.OPEN, now));
                log.info("Opened {} session {} for invoice {}: {} {}", provider.id(), reference, doc.id(), due,
                        currency);
                yield new Opened.Redirect(created.payUrl());
            }
            case SessionOutcome.Rejected rejected -> {
                log.warn("{} refused a session for invoice {}: {} {}", provider.id(), doc.id(), rejected.code(),
                        rejected.message());
                sessions.save(closed(reference, doc, provider, due, PaymentSession.State.CLOSED, now));
                yield new Opened.Unavailable(provider.displayName());
            }
            case SessionOutcome.Unknown unknown -> {
                // never reused: whatever Orange or Wave made of it, the next tap opens another reference
                sessions.save(closed(reference, doc, provider, due, PaymentSession.State.UNKNOWN, now));
                yield new Opened.Unavailable(provider.displayName());
            }
        };
    }

    /** Expires the open sessions of an invoice that was cancelled or paid (best effort). */
    public void closeSessions(String invoiceId) {
        closeSessionsAbove(invoiceId, BigDecimal.ZERO);
    }

    /**
     * Expires the open sessions of an invoice for more than {@code due} (best effort): a payment made elsewhere
     * lowered the residual, and a customer still on such a checkout would pay more than is due.
     */
    public void closeSessionsAbove(String invoiceId, BigDecimal due) {
        for (PaymentSession session : sessions.openOf(invoiceId)) {
            if (session.amount().compareTo(due) <= 0) {
                continue;
            }
            providers.find(session.provider()).ifPresent(p -> p.expire(session.providerSession()));
            sessions.save(new PaymentSession(session.reference(), session.invoiceId(), session.provider(),
                    session.providerRef(), session.amount(), session.currency(), session.payUrl(),
                    session.expiresAt(), session.secrets(), PaymentSession.State.CLOSED, session.createdAt()));
        }
    }

    /** The invoice a return from a provider's checkout is about, to say thank you or try again. */
    public Optional<PaymentSession> session(String reference) {
        return sessions.find(reference);
    }

    private Optional<PaymentSession> usable(InvoiceDocument doc, PaymentLinkProvider provider, BigDecimal due) {
        return sessions.usable(doc.id(), provider.id(), due, doc.invoice().currency(),
                clock.instant().plus(settings.reuseMargin()), settings.assumedLifetime());
    }

    private static PaymentSession closed(String reference, InvoiceDocument doc, PaymentLinkProvider provider,
                                         BigDecimal due, PaymentSession.State state, Instant now) {
        return new PaymentSession(reference, doc.id(), provider.id(), null, due, doc.invoice().currency(), null, null,
                null, state, now);
    }

    /** {@code pay-} and 16 random letters and digits: unguessable, within Orange's 30 characters. */
    private String newReference() {
        StringBuilder reference = new StringBuilder("pay-");
        for (int i = 0; i < 16; i++) {
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString().toLowerCase(Locale.ROOT);
    }
}
