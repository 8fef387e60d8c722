package io.wabiz.sender.send;

import io.wabiz.events.outbound.SendMessage;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call to Meta for a business number, when its circuit breaker and its pacing let it go: the caller
 * decides what to do with the result (the {@link RetryPolicy}).
 */
final class MetaCalls {

    /** At TRACE, one line per request written to Meta (number, idempotency key, epoch ms): for benchmarks. */
    private static final Logger writes = LoggerFactory.getLogger("io.wabiz.sender.send.WriteTrace");

    private final GraphApiClient graph;
    private final MetaCallObserver observer;
    private final SendMetrics metrics;

    MetaCalls(GraphApiClient graph, MetaCallObserver observer, SendMetrics metrics) {
        this.graph = graph;
        this.observer = observer;
        this.metrics = metrics;
    }

    /**
     * A send: circuit breaker, spacing per customer, the number's turn, then the request, written when the
     * number's window allows it.
     *
     * @param beforeRequest runs once the send's turn came and its connection is open, just before the request
     *                      leaves (the ledger's IN_FLIGHT mark; only the window's time comes after it, see
     *                      {@link SlidingWindowRateLimiter}); if it throws, no request is made
     */
    GraphResult send(NumberChannel channel, ObjectNode body, SendMessage command, Runnable beforeRequest)
            throws InterruptedException {
        if (!channel.circuit().allowsCall()) {
            return new GraphResult.NotSent("circuit open: recent calls to Meta for this number failed");
        }
        String number = channel.account().phoneNumberId();
        channel.awaitRecipientSpacing(command.recipientWaId());
        SlidingWindowRateLimiter.Permit permit = channel.limiter().acquire();
        metrics.rateWaited(number, permit.waited());
        long start;
        GraphResult result;
        try {
            start = System.nanoTime();
            result = graph.postMessage(channel.account(), body, () -> {
                written(permit, beforeRequest);
                if (writes.isTraceEnabled()) {
                    writes.trace("WRITE {} {} {} {} {}", number, command.idempotencyKey(), System.currentTimeMillis(),
                            permit.turnToWrite().toNanos() / 1_000, permit.waitedForWindow().toNanos() / 1_000);
                }
            });
        } catch (StoppedBeforeWriting stopped) {
            throw stopped.interruption();
        } finally {
            permit.done();
        }
        channel.sentTo(command.recipientWaId());
        observer.afterMetaCall(command, result);
        channel.circuit().record(result, System.nanoTime() - start);
        return result;
    }

    /** A read receipt: within the number's rate, outside its circuit breaker (it never makes a message). */
    GraphResult markRead(NumberChannel channel, ObjectNode body) throws InterruptedException {
        SlidingWindowRateLimiter.Permit permit = channel.limiter().acquire();
        try {
            return graph.postMessage(channel.account(), body, () -> written(permit, null));
        } catch (StoppedBeforeWriting stopped) {
            throw stopped.interruption();
        } finally {
            permit.done();
        }
    }

    /**
     * Waits for the number's window, running {@code lastStep} (if any) just before the write; inside the HTTP
     * client's write callback, which cannot throw checked exceptions.
     */
    private static void written(SlidingWindowRateLimiter.Permit permit, Runnable lastStep) {
        try {
            if (lastStep == null) {
                permit.sent();
            } else {
                permit.sent(lastStep);
            }
        } catch (InterruptedException e) {
            throw new StoppedBeforeWriting(e);
        }
    }

    /** Interrupted (shutdown) while the window held the request back: nothing was written. */
    private static final class StoppedBeforeWriting extends RuntimeException {
        StoppedBeforeWriting(InterruptedException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        InterruptedException interruption() {
            return (InterruptedException) getCause();
        }
    }
}
