package io.wabiz.odoo.sync;

import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.ConnectorState;
import io.wabiz.odoo.health.PausedException;
import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every followed model of every configured company, one after the other, every poll interval (the first
 * pass at start is the initial import). A paused connector does not poll; a failed pass is tried again at the
 * next interval.
 */
public final class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final ChangeSync sync;
    private final ConnectorState state;
    private final ConnectorProperties properties;
    private final Map<String, ChangeSync.PollResult> lastResults = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public Poller(ChangeSync sync, ConnectorState state, ConnectorProperties properties) {
        this.sync = sync;
        this.state = state;
        this.properties = properties;
    }

    /** One pass now, over every model and company; returns when it is done. */
    public void pollNow() {
        for (ConnectorProperties.Company company : properties.companies()) {
            for (SyncedModel model : sync.models()) {
                if (state.paused()) {
                    return;
                }
                try {
                    lastResults.put(model.model() + "@" + company.id(), sync.poll(model, company));
                } catch (PausedException e) {
                    return;
                } catch (OdooFault | OdooUnavailable e) {
                    log.warn("Poll of {} for company {} failed: {}", model.model(), company.id(), e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    log.error("Poll of {} for company {} failed", model.model(), company.id(), e);
                    return;
                }
            }
        }
    }

    public Map<String, ChangeSync.PollResult> lastResults() {
        return Map.copyOf(lastResults);
    }

    @Override
    public void start() {
        if (!properties.sync().enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("odoo-poller").daemon()
                .factory());
        // at a fixed rate: a long pass (the first import) is followed at once by the next, not a full interval later
        scheduler.scheduleAtFixedRate(this::pollNow, 0, properties.sync().pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After the web server and the Kafka producers are up. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
