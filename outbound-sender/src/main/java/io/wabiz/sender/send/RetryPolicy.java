package io.wabiz.sender.send;

import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.graph.MetaErrors;
import io.wabiz.sender.graph.MetaErrors.Verdict;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The sender's one retry policy for calls to Meta (sends and read receipts): which results are worth
 * another call, how long to wait before it, when to stop.
 *
 * <p>Only what cannot duplicate a message is tried again: a call that provably never reached Meta, or one
 * Meta answered with a throttling or transient error. A call cut off after its request was written ends the
 * delivery with its outcome unknown. Three budgets: Meta's transient errors ({@code maxAttempts} calls,
 * exponential backoff with jitter); the pair rate limit 131056 ({@code pairRateMaxAttempts} hits, a growing
 * fixed step), a wait for one customer that does not use up the first; and waiting until Meta takes the message
 * at all, a time budget ({@code giveUpAfter}, minutes) for throttling (130429, 80007, 4, 429) and for calls that
 * never reached Meta (refused, circuit open): nothing was sent, Meta lifts its limits or comes back in minutes
 * while five backoffs last seconds, and a message given up is a message lost. Resilience4j's {@code Retry}
 * keeps one budget, hence this class. It sleeps on the caller's virtual thread (the consumer keeps polling meanwhile); an interruption
 * (shutdown) ends the call, and the command, not acknowledged, is delivered again later.
 */
public final class RetryPolicy {

    private final SenderProperties.Retry config;
    private final LongSupplier nanoTime;

    public RetryPolicy(SenderProperties.Retry config) {
        this(config, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock {@code giveUpAfter} is measured with */
    RetryPolicy(SenderProperties.Retry config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
    }

    /** One call to Meta. */
    @FunctionalInterface
    public interface Call {
        GraphResult attempt() throws InterruptedException;
    }

    /** Told before each wait for another call. */
    @FunctionalInterface
    public interface RetryListener {
        RetryListener NONE = (verdict, result, backoff) -> { };

        void retrying(Verdict verdict, GraphResult result, Duration backoff);
    }

    /**
     * Calls until Meta accepts, refuses for good, a budget runs out, or a call ends without knowing what
     * Meta did ({@link GraphResult.NoAnswer}: never called again, so a message is never sent twice), and
     * returns the last result. Only a call that provably never reached Meta ({@link GraphResult.NotSent}) or
     * that Meta answered with a retryable error is made again.
     *
     * @throws StoppedAfterReachingMeta when interrupted (shutdown) during a call that may have reached Meta
     * @throws InterruptedException     when interrupted while nothing that may have reached Meta is pending
     */
    public GraphResult call(Call call, RetryListener listener) throws InterruptedException {
        int failures = 0;
        int pairRateHits = 0;
        int waits = 0;
        long waitingSince = 0;
        while (true) {
            GraphResult result = call.attempt();
            if (result instanceof GraphResult.NoAnswer && Thread.currentThread().isInterrupted()) {
                throw new StoppedAfterReachingMeta();
            }
            Verdict verdict = verdict(result);
            if (verdict == null || verdict == Verdict.PERMANENT || verdict == Verdict.OUTCOME_UNKNOWN) {
                return result;
            }
            Duration backoff;
            if (verdict == Verdict.PAIR_RATE_LIMITED) {
                if (++pairRateHits >= config.pairRateMaxAttempts()) {
                    return result;
                }
                backoff = jittered(config.pairRateBackoff().multipliedBy(pairRateHits));
            } else if (verdict == Verdict.THROTTLED || result instanceof GraphResult.NotSent) {
                long now = nanoTime.getAsLong();
                if (waits++ == 0) {
                    waitingSince = now;
                }
                backoff = jittered(exponential(waits));
                if (now - waitingSince + backoff.toNanos() > config.giveUpAfter().toNanos()) {
                    return result;
                }
            } else {
                if (++failures >= config.maxAttempts()) {
                    return result;
                }
                backoff = jittered(exponential(failures));
            }
            listener.retrying(verdict, result, backoff);
            Thread.sleep(backoff);
        }
    }

    /** What the result calls for; null when Meta accepted. */
    public static Verdict verdict(GraphResult result) {
        return switch (result) {
            case GraphResult.Ok ok -> null;
            case GraphResult.Failed failed -> MetaErrors.classify(failed.status(), failed.error().code());
            case GraphResult.NoAnswer none -> Verdict.OUTCOME_UNKNOWN;
            case GraphResult.NotSent notSent -> Verdict.TRANSIENT;
        };
    }

    public int maxAttempts() {
        return config.maxAttempts();
    }

    private Duration exponential(int failures) {
        long millis = config.initialBackoff().toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private Duration jittered(Duration backoff) {
        double jitter = Math.clamp(config.jitter(), 0.0, 1.0);
        double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (backoff.toNanos() * factor));
    }

    /**
     * The call was stopped (shutdown) while its request may have been on its way: what Meta did is not
     * known, so the send must not be forgotten as if it never happened.
     */
    public static final class StoppedAfterReachingMeta extends InterruptedException {
        StoppedAfterReachingMeta() {
            super("stopped during a call that may have reached Meta");
        }
    }
}
