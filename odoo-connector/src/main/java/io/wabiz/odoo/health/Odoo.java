package io.wabiz.odoo.health;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.rpc.OdooClient;
import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The connector's only way to Odoo: every call checks the pause first, tells {@link ConnectorState} how it went,
 * and reads are retried a bounded number of times with exponential backoff when Odoo is unreachable or answers a
 * transient database error. Writes are not retried here: a timed-out write may have run, so the command flow reads
 * again before trying again.
 */
public final class Odoo {

    private final OdooClient client;
    private final ConnectorState state;
    private final Retry reads;

    public Odoo(OdooClient client, ConnectorState state, ConnectorProperties.Retry retry) {
        this.client = client;
        this.state = state;
        this.reads = Retry.of("odoo-reads", RetryConfig.custom()
                .maxAttempts(Math.max(1, retry.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.initialBackoff(), 2.0,
                        retry.maxBackoff()))
                .retryOnException(Odoo::transientFailure)
                .failAfterMaxAttempts(false)
                .build());
    }

    static boolean transientFailure(Throwable failure) {
        return failure instanceof OdooUnavailable
                || failure instanceof OdooFault fault && fault.kind() == OdooFault.Kind.TRANSIENT;
    }

    public ConnectorState state() {
        return state;
    }

    /** A read (idempotent): retried on transient failures. */
    public <T> T read(Function<OdooClient, T> call) {
        return Retry.decorateSupplier(reads, () -> once(call)).get();
    }

    /** A write or a button: tried once. */
    public <T> T write(Function<OdooClient, T> call) {
        return once(call);
    }

    /** Runs without checking the pause: the probe that decides whether to lift it. */
    public <T> T probe(Supplier<T> call) {
        try {
            T result = call.get();
            state.succeeded();
            return result;
        } catch (OdooFault | OdooUnavailable e) {
            state.failed(e);
            throw e;
        }
    }

    private <T> T once(Function<OdooClient, T> call) {
        ConnectorState.Pause pause = state.pause();
        if (pause != null) {
            throw new PausedException(pause);
        }
        return probe(() -> call.apply(client));
    }

    public OdooClient client() {
        return client;
    }
}
