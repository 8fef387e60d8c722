package io.wabiz.sender.send;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.graph.MetaErrors.Verdict;
import java.util.concurrent.TimeUnit;

/**
 * One number's circuit breaker (Resilience4j): when most recent calls failed for Meta's or the network's
 * sake, calls stop for a while instead of queueing up behind timeouts. A refusal of Meta's (a bad template,
 * a closed window) is an answer, not a failure.
 */
final class MetaCircuit {

    private final CircuitBreaker breaker;

    MetaCircuit(String phoneNumberId, SenderProperties.Retry retry) {
        this.breaker = CircuitBreaker.of("meta-" + phoneNumberId, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(50)
                .minimumNumberOfCalls(20)
                .failureRateThreshold(retry.circuitFailureRatePercent())
                .waitDurationInOpenState(retry.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(5)
                .build());
    }

    /** Whether a call may go now (in the half-open state, one of the few trial calls). */
    boolean allowsCall() {
        return breaker.tryAcquirePermission();
    }

    void record(GraphResult result, long nanos) {
        boolean metaFailed = switch (result) {
            case GraphResult.Ok ok -> false;
            case GraphResult.Failed failed -> {
                Verdict verdict = RetryPolicy.verdict(failed);
                yield verdict == Verdict.TRANSIENT || verdict == Verdict.THROTTLED;
            }
            case GraphResult.Unanswered none -> true;
        };
        if (metaFailed) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new MetaUnavailable(GraphResult.describe(result)));
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    boolean isOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    static final class MetaUnavailable extends RuntimeException {
        MetaUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
