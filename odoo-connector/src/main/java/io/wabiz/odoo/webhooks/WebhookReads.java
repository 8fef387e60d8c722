package io.wabiz.odoo.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.PausedException;
import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import io.wabiz.odoo.rpc.OdooValues;
import io.wabiz.odoo.sync.ChangeSync;
import io.wabiz.odoo.sync.Snapshot;
import io.wabiz.odoo.sync.SyncedModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The read a webhook triggers. Odoo 17 and 18 post before they commit, so the first read waits a moment and reads
 * again (100 ms, then twice as long each time) until the record shows what the webhook announced: a later write
 * date, or the same second with the webhook's state. Past the timeout whatever is read is decided (nothing is
 * published twice) and the next poll remains the safety net.
 */
public final class WebhookReads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookReads.class);

    private final ChangeSync sync;
    private final ConnectorProperties.Webhooks settings;
    private final MeterRegistry meters;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("odoo-webhook-read-", 0).daemon().factory());

    public WebhookReads(ChangeSync sync, ConnectorProperties.Webhooks settings, MeterRegistry meters) {
        this.sync = sync;
        this.settings = settings;
        this.meters = meters;
    }

    /** Reads the record the webhook is about, a moment from now. */
    public void schedule(SyncedModel model, long id, JsonNode hook) {
        Instant deadline = Instant.now().plus(settings.readBackTimeout());
        scheduler.schedule(() -> attempt(model, id, hook, deadline, Duration.ofMillis(100)),
                settings.readBackDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(SyncedModel model, long id, JsonNode hook, Instant deadline, Duration next) {
        boolean last = !Instant.now().plus(next).isBefore(deadline);
        try {
            Optional<Snapshot> read = sync.syncRecord(model, id, last ? s -> true : showsChange(hook));
            if (read.isPresent() && (last || showsChange(hook).test(read.get()))) {
                meters.counter("odoo.webhooks.reads", "model", model.model(), "outcome", "read").increment();
                return;
            }
            if (last) {
                meters.counter("odoo.webhooks.reads", "model", model.model(), "outcome", "not-visible").increment();
                log.info("{} {} announced by a webhook is not visible after {}: left to the next poll", model.model(),
                        id, settings.readBackTimeout());
                return;
            }
        } catch (PausedException e) {
            return; // the poll after the resume reads it
        } catch (OdooFault | OdooUnavailable e) {
            log.warn("Read of {} {} after a webhook failed: {}", model.model(), id, e.getMessage());
            if (last) {
                return;
            }
        } catch (RuntimeException e) {
            log.error("Read of {} {} after a webhook failed", model.model(), id, e);
            return;
        }
        scheduler.schedule(() -> attempt(model, id, hook, deadline, next.multipliedBy(2)), next.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether a read shows the change: a later write date, or the same second with the announced state. */
    static Predicate<Snapshot> showsChange(JsonNode hook) {
        String announced = OdooValues.text(hook.get("write_date"));
        if (announced == null) {
            return snapshot -> true;
        }
        String second = announced.length() > 19 ? announced.substring(0, 19) : announced;
        String state = OdooValues.text(hook.get("state"));
        String paymentState = OdooValues.text(hook.get("payment_state"));
        return snapshot -> {
            if (snapshot.writeDate() == null) {
                return false;
            }
            int order = snapshot.writeDate().compareTo(second);
            if (order != 0) {
                return order > 0;
            }
            return (state == null || snapshot.odooState() == null || state.equals(snapshot.odooState()))
                    && (paymentState == null || snapshot.paymentState() == null
                    || paymentState.equals(snapshot.paymentState()));
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
