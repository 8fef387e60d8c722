package io.wabiz.sender.send;

import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.Account;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything that paces one business number: its sliding-window rate limiter, its circuit breaker,
 * the time of the last send to each customer (pair rate limit) and how many of its commands are waiting.
 */
public final class NumberChannel {

    private final Account account;
    private final SlidingWindowRateLimiter limiter;
    private final MetaCircuit circuit;
    private final Duration recipientSpacing;
    private final ConcurrentHashMap<String, Long> lastSendByRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();

    public NumberChannel(Account account, SenderProperties.Rate rate, SenderProperties.Retry retry) {
        this.account = account;
        this.limiter = new SlidingWindowRateLimiter(account.messagesPerSecond(),
                Duration.ofSeconds(1).plus(rate.safetyMargin()), rate.pacingTolerance());
        this.recipientSpacing = rate.recipientSpacing();
        this.circuit = new MetaCircuit(account.phoneNumberId(), retry);
    }

    public Account account() {
        return account;
    }

    public SlidingWindowRateLimiter limiter() {
        return limiter;
    }

    MetaCircuit circuit() {
        return circuit;
    }

    public boolean circuitOpen() {
        return circuit.isOpen();
    }

    public AtomicInteger queued() {
        return queued;
    }

    /** Waits until the customer's last message is at least the spacing old (runs inside the customer's lane). */
    public void awaitRecipientSpacing(String recipient) throws InterruptedException {
        if (recipientSpacing.isZero()) {
            return;
        }
        Long last = lastSendByRecipient.get(recipient);
        if (last != null) {
            long wait = last + recipientSpacing.toNanos() - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    public void sentTo(String recipient) {
        if (!recipientSpacing.isZero()) {
            lastSendByRecipient.put(recipient, System.nanoTime());
        }
    }

    /** Forgets customers whose spacing has long passed, so the map does not grow forever. */
    public void forgetIdleRecipients() {
        long horizon = System.nanoTime() - recipientSpacing.toNanos();
        lastSendByRecipient.values().removeIf(last -> last < horizon);
    }
}
