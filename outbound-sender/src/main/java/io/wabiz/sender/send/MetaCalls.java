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
     * A send: circuit breaker, spacing per customer, the number's rate, then the request.
     *
     * @param beforeRequest runs with the permit held, once the connection is open and just before the request
     *                      leaves (the ledger's IN_FLIGHT mark); if it throws, no request is made
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
                beforeRequest.run();
                permit.sent();
                if (writes.isTraceEnabled()) {
                    writes.trace("WRITE {} {} {}", number, command.idempotencyKey(), System.currentTimeMillis());
                }
            });
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
            return graph.postMessage(channel.account(), body, permit::sent);
        } finally {
            permit.done();
        }
    }
}
